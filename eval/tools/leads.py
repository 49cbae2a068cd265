# Reading aid: each paragraph's first sentence (to the first 。) when it is short, for level-3 decisions.
import sys
t = open('/work/shared/' + sys.argv[1], encoding='utf-8').read()
off = 0
for i, line in enumerate(t.split('\n')):
    s = line.strip()
    if s:
        k = s.find('。')
        first = s[:k + 1] if k >= 0 else s
        if len(first) <= int(sys.argv[2] if len(sys.argv) > 2 else 30):
            print(i, off + line.find(s[0]), first, sep='\t')
    off += len(line) + 1
