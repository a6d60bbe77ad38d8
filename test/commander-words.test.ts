// commander's error messages said again in Chinese: every shape is taken from commander
// itself, so a commander that words them otherwise fails here, not silently in English.
import { Command, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { commanderErrorInChinese } from '../src/commands/commander-words.js';

// What commander prints for `args` given to a program shaped like the CLI's.
function commanderSays(args: string[]): string {
  let said = '';
  const program = new Command('cixi-plan')
    .exitOverride()
    .configureOutput({ outputError: (s) => (said = s), writeErr: () => undefined, writeOut: () => undefined })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);
  program
    .command('report')
    .argument('<year>')
    .option('--format <list>')
    .addOption(new Option('--lang <lang>').choices(['zh-CN', 'en']))
    .addOption(new Option('--json').conflicts('format'))
    .requiredOption('--out <dir>')
    .action(() => undefined);
  expect(() => program.parse(args, { from: 'user' })).toThrow(CommanderError);
  return said;
}

describe('commander’s messages in Chinese', () => {
  it.each([
    [['report', '2024', '--out', 'o', '--formt', 'md'], "错误：没有选项 '--formt'\n（是不是 --format？）\n"],
    [['report', '2024', '--out', 'o', '--zzz'], "错误：没有选项 '--zzz'\n"],
    [['reprt'], "错误：没有命令 'reprt'\n（是不是 report？）\n"],
    [['report', '--out', 'o'], "错误：缺少必需的参数 'year'\n"],
    [['report', '2024', '--out'], "错误：选项 '--out <dir>' 缺少取值\n"],
    [['report', '2024'], "错误：缺少必需的选项 '--out <dir>'\n"],
    [['report', '2024', '--out', 'o', '--lang', 'fr'], "错误：选项 '--lang <lang>' 的取值 'fr' 无效，可选 zh-CN、en\n"],
    [['report', '2024', 'x', '--out', 'o'], "错误：'report' 的参数太多：应为 1 个，实际 2 个\n"],
    [['report', '2024', '--out', 'o', '--json', '--format', 'md'], "错误：选项 '--json' 不能与选项 '--format <list>' 同时使用\n"],
  ])('%j', (args, chinese) => {
    expect(commanderErrorInChinese(commanderSays(args))).toBe(chinese);
  });

  it('leaves a message of another shape to be shown as commander wrote it', () => {
    expect(commanderErrorInChinese('error: something new\n')).toBeNull();
    expect(commanderErrorInChinese('not an error line')).toBeNull();
  });
});
