// commander's own error messages (an unknown option, a missing argument, a value outside
// the choices) in Chinese. commander writes them in English only and hands over nothing but
// the text, so each known shape is recognised and said again; a message of a shape not
// listed here is shown as commander wrote it.

type Rewrite = [RegExp, (...groups: string[]) => string];

// The shapes commander 14 writes (lib/command.js), without the leading `error: `.
const SHAPES: readonly Rewrite[] = [
  [/^unknown option '(.*)'$/s, (flag) => `没有选项 '${flag}'`],
  [/^unknown command '(.*)'$/s, (name) => `没有命令 '${name}'`],
  [/^missing required argument '(.*)'$/s, (name) => `缺少必需的参数 '${name}'`],
  [/^option '(.*)' argument missing$/s, (flags) => `选项 '${flags}' 缺少取值`],
  [/^required option '(.*)' not specified$/s, (flags) => `缺少必需的选项 '${flags}'`],
  [/^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s, (flags, value, choices) => `选项 '${flags}' 的取值 '${value}' 无效，可选 ${choices.split(', ').join('、')}`],
  [/^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s, (name, want, got) => `'${name}' 的参数太多：应为 ${want} 个，实际 ${got} 个`],
  [/^too many arguments\. Expected (\d+) arguments? but got (\d+)\.$/s, (want, got) => `参数太多：应为 ${want} 个，实际 ${got} 个`],
  [/^option '(.*)' cannot be used with option '(.*)'$/s, (a, b) => `选项 '${a}' 不能与选项 '${b}' 同时使用`],
];

/**
 * An error message commander wrote (`error: unknown option '--formt'\n(Did you mean
 * --format?)\n`) in Chinese (`错误：没有选项 '--formt'\n（是不是 --format？）\n`), or null when
 * its shape is not a known one.
 */
export function commanderErrorInChinese(text: string): string | null {
  const m = /^error: (.*?)(?:\n\(Did you mean (.*)\?\))?\n?$/s.exec(text);
  if (m === null) return null;
  const [, body, suggestion] = m;
  for (const [shape, say] of SHAPES) {
    const found = shape.exec(body!);
    if (found !== null) return `错误：${say(...found.slice(1))}${suggestion === undefined ? '' : `\n（是不是 ${suggestion}？）`}\n`;
  }
  return null;
}
