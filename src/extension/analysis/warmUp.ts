// The analysis worker's first analysis ran its code cold: each function compiled on its first call and each of the
// patterns on its first match. In VS Code, on two cores while the window was still starting, that first analysis of a
// 2,430-character report took 162 ms in the worker (the next ones 10-60). So a worker with nothing to do after it
// starts analyses a made-up report of a few lines first, as the reports it will read are written: headings of each
// level, targets, results, ranges, money and a list. What it finds is thrown away.
import { analyzeText } from '../../core/analyze';

export const WARM_UP_TEXT = [
  '2025年某市政府工作报告',
  '',
  '——2025年1月10日在某市第十六届人民代表大会第三次会议上',
  '',
  '市长　某某',
  '',
  '各位代表：',
  '',
  '　　现在，我代表市人民政府向大会报告工作，请予审议，并请市政协委员提出意见。',
  '',
  '　　一、2024年工作回顾',
  '',
  '　　过去一年，全市地区生产总值达到2856.3亿元，比上年增长5.6%；一般公共预算收入186.2亿元，同比增长7.1%。' +
    '城镇新增就业4.2万人，城镇调查失业率控制在5.5%以内，居民人均可支配收入增长6.3%，粮食产量稳定在120万吨以上。',
  '　　（一）项目建设成效明显。全年实施省市重点项目236个，完成投资1024亿元；京雄高速公路、汉江西路建成通车，' +
    '大数据产业园一期工程、城南污水处理厂投入使用。新建改建农村公路350公里、5G基站1500个。',
  '　　二、2025年工作安排',
  '',
  '　　今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长6%，' +
    '城镇新增就业4万人以上，居民消费价格涨幅3%左右，单位地区生产总值能耗下降2.5%，研发投入强度达到2.8%。',
  '　　1．扩大有效投资。谋划储备项目500个以上，总投资3000亿元；推进“十四五”规划102项重大工程，力争固定资产投资增长8%—10%。',
  '　　各位代表，让我们团结一心、实干争先，为全面建设社会主义现代化强市而努力奋斗！',
].join('\n');

/** Analyses the made-up report once (without projects: their words may still be loading), for the code to run warm after. */
export function warmUpAnalysis(): void {
  try {
    analyzeText(WARM_UP_TEXT);
  } catch {
    // (A warm-up that fails costs the first report its speed, nothing else; that report's own analysis reports the error.)
  }
}
