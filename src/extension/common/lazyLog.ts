// The extension's log (the "Report Annotator" output channel), made when something is first logged: making it
// creates a log folder and talks to the window, which activation need not wait for.
import * as vscode from 'vscode';

export function lazyLogOutputChannel(name: string, subscriptions: vscode.Disposable[]): vscode.LogOutputChannel {
  let channel: vscode.LogOutputChannel | undefined;
  const real = () => {
    if (!channel) {
      channel = vscode.window.createOutputChannel(name, { log: true });
      subscriptions.push(channel);
    }
    return channel;
  };
  return new Proxy({} as vscode.LogOutputChannel, {
    get(_, key) {
      if (key === 'name') return name;
      // Disposing a channel that was never made makes none.
      if (key === 'dispose') return () => channel?.dispose();
      const c = real();
      const value = Reflect.get(c, key, c);
      return typeof value === 'function' ? value.bind(c) : value;
    },
  });
}
