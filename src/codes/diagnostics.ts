// Code catalogue: load, YAML, schema and template diagnostics (see index.ts).

import type { CodeEntry } from './types.js';

export const FILE_CODES = {
  // ---------------------------------------------------------------------------------------
  // Load: reading the plan folder's files (before any YAML is parsed).

  'io-error': {
    kinds: ['load'],
    severity: 'error',
    title: { 'zh-CN': '文件无法读取', en: 'File cannot be read' },
    explain: {
      'zh-CN': '文件或文件夹根本读不出来：没有读取权限，应为文件处是一个文件夹，在所读取的历史版本中不是普通文件，或是一个指向规划文件夹以外的链接。出现此错误时命令以退出码 2 结束。',
      en: 'A file or folder could not be read at all: there is no permission, a folder stands where a file belongs, the entry is not a regular file at the git revision being read, or it is a link leading outside the plan folder. The command ends with exit code 2.',
    },
    fix: {
      'zh-CN': '检查该路径：恢复读取权限，把文件夹或链接换成普通的 `.yaml` 文件，并放在规划文件夹之内。',
      en: 'Check the path: restore read permission, and replace the folder or link with a regular `.yaml` file inside the plan folder.',
    },
    example: '$ chmod 000 plan/data/2024.yaml\n$ cixi-plan validate\nplan/data/2024.yaml error io-error cannot be read (EACCES)',
  },
  'file-too-large': {
    kinds: ['load'],
    severity: 'error',
    title: { 'zh-CN': '文件过大', en: 'File too large' },
    explain: {
      'zh-CN': '文件超过 8 MiB 的上限，读取前即被拒绝，不作解析；或者规划文件夹的文件合计超过 64 MiB，或年度文件超过 500 个，其余文件不再读取。一个规划文件或年度数据文件通常只有几百 KB，超限多半是放错了文件。',
      en: 'The file is larger than the 8 MiB limit and is refused before it is parsed; or the plan folder’s files come to more than 64 MiB in all, or it holds more than 500 year files, and the rest is not read. A plan or year file is a few hundred KB at most, so a file this size is usually the wrong file.',
    },
    fix: {
      'zh-CN': '确认放进 `data/` 的是年度数据文件；原始资料（表格、扫描件）请放在规划文件夹之外，只在 `source` 中引用。',
      en: 'Make sure the file in `data/` is a year file; keep raw material (spreadsheets, scans) outside the plan folder and refer to it from a `source`.',
    },
    example: '$ cixi-plan validate\nplan/data/2024.yaml error file-too-large is 9.5 MiB; plan files are limited to 8 MiB',
  },
  'file-not-text': {
    kinds: ['load'],
    severity: 'error',
    title: { 'zh-CN': '不是文本文件或编码有误', en: 'Not a UTF-8 text file' },
    explain: {
      'zh-CN': '文件含有空字节，或不是合法的 `UTF-8` 编码，无法作为文本读取。能认出的编码会写明：带字节序标记的 `UTF-16`（Windows 编辑器所称的“Unicode”）或 `UTF-32`，以及读作中文的 `GBK`/`GB18030`（中文 Windows 所称的“ANSI”）。规划文件只用 `UTF-8`：git 能逐行显示它的改动。',
      en: 'The file holds NUL bytes or is not valid UTF-8, so it cannot be read as text. An encoding that can be told is named: UTF-16 (what Windows editors call “Unicode”) or UTF-32 by their byte-order mark, and GBK/GB18030 (what Chinese Windows calls “ANSI”) when the bytes read as Chinese in it. Plan files are UTF-8 only: git shows their changes line by line.',
    },
    fix: {
      'zh-CN': '用文本编辑器将文件另存为 `UTF-8` 编码；如果是误放的二进制文件（表格、图片），把它移出 `data/`。',
      en: 'Save the file as UTF-8 in a text editor; if it is a binary file put there by mistake (a spreadsheet, an image), move it out of `data/`.',
    },
    example: '$ cixi-plan validate\nplan/data/2024.yaml error file-not-text is not valid UTF-8 text\nhint: save it as UTF-8',
  },
  'empty-file': {
    kinds: ['load'],
    severity: 'error',
    title: { 'zh-CN': '文件为空', en: 'Empty file' },
    explain: {
      'zh-CN': '规划文件或年度数据文件没有任何内容（或只有注释），无法读出规划或当年数据。',
      en: 'A plan or year file holds nothing (or only comments), so there is no plan or year data to read.',
    },
    fix: {
      'zh-CN': '填写内容，或删除这个文件。可用 `cixi-plan init` 生成样板，或用 `cixi-plan schema plan`、`cixi-plan schema year` 查看应有的结构。',
      en: 'Fill the file in, or delete it. `cixi-plan init` writes a starting point; `cixi-plan schema plan` and `cixi-plan schema year` print the expected structure.',
    },
    example: '# data/2025.yaml\n# 2025年数据待补充',
  },

  // ---------------------------------------------------------------------------------------
  // YAML: the text cannot be read as one YAML 1.2 document.

  'yaml-syntax': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '语法错误，无法解析', en: 'YAML syntax error' },
    explain: {
      'zh-CN': '此处的写法不合语法，文件无法解析，其后的结构检查也不会进行。常见原因：文字中含英文冒号加空格而未加引号，引号或括号没有闭合。同一错误引起的后续几行报错不再重复列出。',
      en: 'The text here is not valid YAML, so the file cannot be parsed and its shape is not checked further. Common causes: text containing a colon and a space without quotes, or an unclosed quote or bracket. Follow-on errors on the next few lines are not listed again.',
    },
    fix: {
      'zh-CN': '按提示位置修改：含 `: ` 或以特殊符号开头的文字用引号括起来，补全未闭合的引号或括号。',
      en: 'Edit at the position shown: quote text that contains `: ` or starts with a special character, and close any open quote or bracket.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    note: 来源: 政府工作报告   # 应写 note: "来源: 政府工作报告"',
  },
  'yaml-duplicate-key': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '同一层级键名重复', en: 'Duplicate key' },
    explain: {
      'zh-CN': '同一个映射中某个键出现了两次。一般的读取程序会悄悄保留后一个值，本工具把它当作错误，以免数据被无声覆盖。',
      en: 'A key appears twice in the same map. Many YAML readers silently keep the last value; this tool treats it as an error so that no figure is overwritten without notice.',
    },
    fix: {
      'zh-CN': '保留正确的一个，删除另一个；如两者都需要，改为不同的键（例如另一个指标编号）。',
      en: 'Keep the right one and delete the other; if both are needed, give them different keys (for example another indicator id).',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    value: 2930',
  },
  'yaml-tab-indent': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '用了制表符缩进', en: 'Tab used for indentation' },
    explain: {
      'zh-CN': '缩进只允许用空格，不允许用制表符。',
      en: 'YAML allows only spaces for indentation, never tabs.',
    },
    fix: {
      'zh-CN': '把制表符换成空格，每级缩进 2 个空格；可在编辑器中设置“以空格代替制表符”。',
      en: 'Replace the tabs with spaces, 2 per level; set the editor to insert spaces for tabs.',
    },
    example: '# data/2024.yaml\nobservations:\n\tgdp:\n\t\tvalue: 2929',
  },
  'yaml-bad-indent': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '缩进与层级不符', en: 'Indentation does not match the structure' },
    explain: {
      'zh-CN': '缩进与文件的层级结构对不上：同一映射的各个键必须从同一列开始，下一级的值须比上一级多缩进。',
      en: 'The indentation does not match the structure: the keys of one map must start in the same column, and a nested value must be indented more than its key.',
    },
    fix: {
      'zh-CN': '检查提示行及其下一行，让同级的键对齐到同一列。',
      en: 'Check the line shown and the one below it, and align keys of the same level in one column.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n   unit: 亿元',
  },
  'yaml-unknown-tag': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '使用了不允许的标签', en: 'Tag not allowed' },
    explain: {
      'zh-CN': '文件中使用了 `!!timestamp`、`!!js/function` 之类的标签。规划文件只含文字、数字、列表和映射，不接受任何特殊类型。',
      en: 'A tag such as `!!timestamp` or `!!js/function` is used. Plan files hold only text, numbers, lists and maps, and accept no special type.',
    },
    fix: {
      'zh-CN': '删除标签；日期写成带引号的文字，如 `published: "2025-11-20"`。',
      en: 'Remove the tag; write dates as quoted text, e.g. `published: "2025-11-20"`.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    published: !!timestamp 2025-11-20',
  },
  'yaml-too-deep': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '嵌套层级过深', en: 'Nesting too deep' },
    explain: {
      'zh-CN': '列表或映射嵌套得过深，解析程序无法处理。正常的规划文件只有几层嵌套，出现此错误多半是文件损坏或被恶意构造。',
      en: 'Lists or maps are nested too deeply for the parser. A real plan file nests only a few levels, so this usually means a corrupted or hostile file.',
    },
    fix: {
      'zh-CN': '恢复文件的正常版本（例如从版本库取回）。',
      en: 'Restore a sound version of the file (for example from git).',
    },
    example: 'observations: [[[[[[[[[[[[[[[[[[[[ …（上万层）… ]]]]]]]]]]]]]]]]]]]]',
  },
  'yaml-alias-bomb': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '锚点引用展开过多', en: 'Aliases expand too far' },
    explain: {
      'zh-CN': '锚点（`&`）和引用（`*`）层层展开后数量过大，可能是刻意构造的攻击文件，也可能只是重复引用过多；为防止耗尽内存，拒绝读取。',
      en: 'Anchors (`&`) and aliases (`*`) expand to too many values (a “billion laughs” attack, or simply too many repeated aliases), and the file is refused before it exhausts memory.',
    },
    fix: {
      'zh-CN': '不要用锚点和引用，把需要的值直接写出来。',
      en: 'Do not use anchors and aliases: write the values out.',
    },
    example: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  },
  'yaml-version-ignored': {
    kinds: ['yaml'],
    severity: 'warning',
    title: { 'zh-CN': '忽略版本声明，按 1.2 版读取', en: '%YAML directive ignored' },
    explain: {
      'zh-CN': '文件开头的 `%YAML` 声明要求按其他版本（如 1.1）读取。本工具一律按 1.2 版读取，因此 `No`、`on` 之类仍是文字，不会变成真假值。',
      en: 'A `%YAML` directive at the top asks for another version (such as 1.1). Files are always read as YAML 1.2, so words such as `No` or `on` stay text and never become booleans.',
    },
    fix: {
      'zh-CN': '删除 `%YAML` 声明行（及其后的 `---`）。',
      en: 'Delete the `%YAML` line (and the `---` after it).',
    },
    example: '%YAML 1.1\n---\nyear: 2024',
  },
  'yaml-multiple-documents': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '一个文件含多个文档', en: 'More than one document in a file' },
    explain: {
      'zh-CN': '文件中用 `---` 分隔出了不止一个文档。每个文件只能有一个文档：规划文件一个，每年的数据各占一个文件。',
      en: 'The file holds more than one document, separated by `---`. Each file holds exactly one: the plan in plan.yaml, and each year in a file of its own.',
    },
    fix: {
      'zh-CN': '把第二个文档移到单独的文件中，例如 `data/2025.yaml`。',
      en: 'Move the second document to a file of its own, e.g. `data/2025.yaml`.',
    },
    example: '# data/2024.yaml\nyear: 2024\nobservations: {}\n---\nyear: 2025\nobservations: {}',
  },
  'yaml-line-endings': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '换行符为单独的回车（CR）', en: 'Lines end with a lone CR' },
    explain: {
      'zh-CN': '文件的行以单独的回车符（CR，旧式苹果电脑的存法）结尾，YAML 不把它当作换行，整个文件会被读成一行（往往看起来像空文件）。LF 与 CRLF 两种换行都可以。',
      en: 'The lines end with a lone carriage return (CR, as old Macs saved text), which YAML does not read as a line break, so the whole file reads as one line (often as if it were empty). LF and CRLF line endings are both fine.',
    },
    fix: {
      'zh-CN': '在编辑器中把换行符改为 LF（Unix）或 CRLF（Windows）后重新保存。',
      en: 'Save the file again with LF (Unix) or CRLF (Windows) line endings.',
    },
    example: 'year: 2024\\robservations: {}   # 每行以单独的 CR 结尾',
  },
  'yaml-undefined-alias': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '引用了未定义的锚点', en: 'Alias to an undefined anchor' },
    explain: {
      'zh-CN': '`*名称` 引用了一个此前没有用 `&名称` 定义的锚点。YAML 的引用只能指向出现在它前面的锚点。',
      en: 'An alias `*name` refers to an anchor `&name` that is not defined before it. A YAML alias can only point back to an anchor written earlier in the file.',
    },
    fix: {
      'zh-CN': '把值直接写出来，或先用 `&名称` 定义锚点再引用。',
      en: 'Write the value out, or define the anchor `&name` before the alias.',
    },
    example: 'observations:\n  gdp: *base   # 文件中此前没有 &base',
  },
  'yaml-tag-coercion': {
    kinds: ['yaml'],
    severity: 'error',
    title: { 'zh-CN': '标签不能转换取值类型', en: 'A tag may not convert a value' },
    explain: {
      'zh-CN': '`!!int`、`!!float`、`!!bool`、`!!null` 只允许用在本来就是该类型的普通值上（如 `!!int 1180`）；用在带引号的文本或其他类型的值上（如 `!!int "1180"`）会悄悄转换类型，因此不被接受。',
      en: '`!!int`, `!!float`, `!!bool` and `!!null` are accepted only on a plain value that already is one (`!!int 1180`); on quoted text or a value of another type (`!!int "1180"`) they would convert it silently, so they are refused.',
    },
    fix: {
      'zh-CN': '去掉标签，直接写数字：`value: 1180`。',
      en: 'Drop the tag and write the number: `value: 1180`.',
    },
    example: 'observations:\n  gdp:\n    value: !!int "1180"',
  },

  // ---------------------------------------------------------------------------------------
  // Schema: the parsed file does not have the shape of the JSON Schema.

  'schema-unknown-key': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '未知的键', en: 'Unknown key' },
    explain: {
      'zh-CN': '此处的键不在规定的结构中，多半是拼写错误。未知的键不会被忽略，以免填写的内容无声丢失。',
      en: 'The key is not part of the schema here, most often a misspelling. Unknown keys are not ignored, so that nothing written is silently lost.',
    },
    fix: {
      'zh-CN': '按提示改成正确的键名（提示会给出最接近的键或允许的键）；说明性文字请写在 `note` 中。',
      en: 'Rename it as the hint suggests (the nearest key, or the allowed keys); put free text in `note`.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    valeu: 2929',
  },
  'schema-missing-key': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '缺少必填的键', en: 'Required key missing' },
    explain: {
      'zh-CN': '缺少必须填写的键。同一处缺少多个键时合并为一条提示。',
      en: 'A required key is missing. Several keys missing in one place are reported together.',
    },
    fix: {
      'zh-CN': '补上提示中列出的键。例如里程碑进展须注明 `source`，年均增长目标须写明 `rate`、`comparator` 和 `prices`。',
      en: 'Add the keys named. For example a milestone state needs its `source`, and a growth target needs `rate`, `comparator` and `prices`.',
    },
    example: '# data/2025.yaml\nmilestones:\n  hsr-cixi-station:\n    state: in-progress   # 缺 source',
  },
  'schema-type': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '数据类型不对', en: 'Wrong type' },
    explain: {
      'zh-CN': '值的类型不对，例如数字加了引号或千位分隔符而成了文字，或键后面什么也没写（空值）。本工具不做类型转换，空值也不会当作 0。',
      en: 'The value has the wrong type: a number in quotes or with thousands separators reads as text, and a key with nothing after it is an empty value. Nothing is converted, and an empty value is never read as 0.',
    },
    fix: {
      'zh-CN': '去掉数字的引号和千位分隔符；没有数据时不要留空，改写 `missing: <原因>`。',
      en: 'Remove the quotes and separators from numbers; when there is no figure, write `missing: <reason>` instead of an empty value.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: "2,929"',
  },
  'schema-enum': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '取值不在允许范围内', en: 'Value not among the allowed words' },
    explain: {
      'zh-CN': '此处只能填规定的几个词之一，例如 `status` 只能是 `preliminary`（初步核算）、`final`（核实数）或 `estimate`（预计数）。',
      en: 'Only a few fixed words are allowed here; for example `status` is one of `preliminary` (初步核算), `final` (核实) or `estimate` (预计).',
    },
    fix: {
      'zh-CN': '改用提示中列出的词之一。',
      en: 'Use one of the words listed in the message.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    status: 初步',
  },
  'schema-key-pattern': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '作为编号的键格式不对', en: 'Key is not a valid id' },
    explain: {
      'zh-CN': '年度数据文件中 `observations`、`milestones` 下的键是指标或里程碑的编号，只能由小写字母、数字和连字符组成。',
      en: 'The keys under `observations` and `milestones` in a year file are indicator and milestone ids: lower-case letters, digits and hyphens only.',
    },
    fix: {
      'zh-CN': '改用 `plan.yaml` 中声明的编号，例如 `gdp`，而不是 `GDP` 或中文名称。',
      en: 'Use the id declared in plan.yaml, e.g. `gdp`, not `GDP` or the Chinese name.',
    },
    example: '# data/2024.yaml\nobservations:\n  GDP:\n    value: 2929',
  },
  'schema-pattern': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '格式不对', en: 'Value not in the expected form' },
    explain: {
      'zh-CN': '值的写法不符合规定格式：编号只能由小写字母、数字和连字符组成；日期写作 `YYYY`、`YYYY-MM` 或 `YYYY-MM-DD`；网址以 `http://` 或 `https://` 开头。',
      en: 'The value is not in the required form: an id is lower-case letters, digits and hyphens; a date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a URL starts with `http://` or `https://`.',
    },
    fix: {
      'zh-CN': '按提示的格式改写，日期加引号，如 `published: "2025-11-20"`。',
      en: 'Rewrite it in the form named in the message; quote dates, e.g. `published: "2025-11-20"`.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    value: 2929\n    published: 2025/11/20',
  },
  'schema-range': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '数值超出允许范围', en: 'Number out of range' },
    explain: {
      'zh-CN': '数字超出允许的范围，例如年份须在 1900—2200 之间，`tolerance` 在 0—50 之间，`multiple`、单位换算系数和 `jump_threshold` 须大于 0。',
      en: 'A number is outside its allowed range: years lie in 1900–2200, `tolerance` in 0–50, and `multiple`, unit conversion factors and `jump_threshold` must be above 0.',
    },
    fix: {
      'zh-CN': '按提示的范围改正数值；`tolerance` 以百分点计，5 表示 5 个百分点。',
      en: 'Correct the number to lie in the range given; `tolerance` is in percentage points (5 means 5 points).',
    },
    example: '# plan.yaml\nplan:\n  assessment:\n    tolerance: 80',
  },
  'schema-empty': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '文字为空', en: 'Empty text' },
    explain: {
      'zh-CN': '须填写文字的地方写了空字符串。',
      en: 'An empty string is written where text is required.',
    },
    fix: {
      'zh-CN': '填写内容，或删除这个键（必填的键除外）。',
      en: 'Write the text, or delete the key (unless it is required).',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    missing: ""',
  },
  'schema-min-items': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '列表项目不足', en: 'List needs more items' },
    explain: {
      'zh-CN': '列表中的项目少于要求，例如 `scopes` 和 `pillars` 至少要有一项。',
      en: 'A list has fewer items than required; for example `scopes` and `pillars` need at least one.',
    },
    fix: {
      'zh-CN': '补足列表项目。',
      en: 'Add the missing items.',
    },
    example: '# plan.yaml\npillars: []',
  },
  'schema-invalid': {
    kinds: ['schema'],
    severity: 'error',
    title: { 'zh-CN': '不符合结构规定', en: 'Value breaks a schema rule' },
    explain: {
      'zh-CN': '值违反了结构中的其他规定，例如编号超过 64 个字符，或文字超过 2000 个字符。',
      en: 'The value breaks another rule of the schema, for example an id longer than 64 characters or a text longer than 2,000.',
    },
    fix: {
      'zh-CN': '按提示修改；过长的原文摘录可以截取关键句，完整出处写在 `source` 中。',
      en: 'Change it as the message says; shorten a long quote to the sentence that matters and let the `source` point to the full text.',
    },
    example: '# data/2024.yaml\nobservations:\n  gdp:\n    quote: "……（超过2000字的原文）……"',
  },

  // ---------------------------------------------------------------------------------------
  // Template: the report's templates (met only with --templates DIR).

  'template-syntax': {
    kinds: ['template'],
    severity: 'error',
    title: { 'zh-CN': '模板语法错误', en: 'Template syntax error' },
    explain: {
      'zh-CN': '报告模板有语法错误（如块标签首尾不配对、括号未闭合），或使用了本工具未提供的辅助函数，模板无法编译。一般只在用 `--templates` 指定自己的模板时出现。',
      en: 'A Handlebars template has a syntax error (a block opened and closed with different names, an unclosed mustache) or uses a helper the tool does not provide, so it cannot be compiled. It is met only with your own templates (`--templates`).',
    },
    fix: {
      'zh-CN': '按提示的文件和行列改正模板，可与本工具自带的同名模板对照。',
      en: 'Correct the template at the file, line and column shown; compare it with the built-in template of the same name.',
    },
    example: '{{#each indicators}}\n| {{name}} |\n{{/if}}',
  },
  'template-partial': {
    kinds: ['template'],
    severity: 'error',
    title: { 'zh-CN': '调用的子模板不存在', en: 'Unknown partial' },
    explain: {
      'zh-CN': '模板用 `{{> 名称}}` 调用了一个不存在的子模板：自带模板和 `--templates` 目录中都没有这个文件。',
      en: 'A template calls a partial with `{{> name}}` that exists neither among the built-in templates nor in the `--templates` folder.',
    },
    fix: {
      'zh-CN': '改正子模板名称，或在 `--templates` 目录的对应位置添加该文件。',
      en: 'Correct the partial’s name, or add the file at the matching place in the `--templates` folder.',
    },
    example: '{{> status-tabel}}',
  },
  'template-error': {
    kinds: ['template'],
    severity: 'error',
    title: { 'zh-CN': '模板运行出错', en: 'Template failed while rendering' },
    explain: {
      'zh-CN': '模板在生成报告时出错：引用了报告数据中不存在的字段（模板按严格模式运行，缺的字段不会当作空白），或传给辅助函数的值不合要求。',
      en: 'A template failed while rendering: it names a field the report data does not have (templates run in strict mode, so a missing field is never taken as blank), or gives a helper a value it cannot use.',
    },
    fix: {
      'zh-CN': '按提示改正字段名或辅助函数的参数；可用的字段可参照自带模板。',
      en: 'Correct the field name or the helper’s argument; the built-in templates show the fields there are.',
    },
    example: '{{meta.titel}}',
  },
  'pdf-directive': {
    kinds: ['template'],
    severity: 'error',
    title: { 'zh-CN': '排版指令有误', en: 'Invalid PDF directive' },
    explain: {
      'zh-CN': '排版模板 `report.pdf.hbs` 生成的文字中，`<!-- pdf:名称 编号 -->` 形式的排版指令有误：名称未知，所指的图表或表格不存在或类型不符，或封面、目录指令出现了两次。提示中的行号指模板生成的文字，而不是模板本身。',
      en: 'A `<!-- pdf:NAME ID -->` directive in the PDF template’s output is wrong: the name is unknown, the chart or table it names does not exist or is of another kind, or a cover or table of contents appears twice. The line given is in the Markdown the template renders, not in the template.',
    },
    fix: {
      'zh-CN': '改正模板中的指令：名称只能是 `toc`、`pagebreak`、`cover`、`status-table`、`trend-chart`、`progress-bar`，编号须与报告数据中的图表一致（如 `trend:gdp`）。',
      en: 'Correct the directive in the template: the name is one of toc, pagebreak, cover, status-table, trend-chart and progress-bar, and the id must be one the report provides (such as `trend:gdp`).',
    },
    example: '<!-- pdf:trend-chart trend:gdpp -->',
  },
  'template-limit': {
    kinds: ['template'],
    severity: 'error',
    title: { 'zh-CN': '模板超出运行限制', en: 'Template over a limit' },
    explain: {
      'zh-CN': '模板运行超出了限制：块嵌套超过24层、局部模板嵌套超过32层、`{{#each}}` 循环与局部模板调用合计超过800万次、辅助函数调用、字段查找、写出的值、循环与局部模板调用合计超过4000万次操作、模板文件合计超过256 KiB，或输出超过该格式的上限（Markdown 1亿字符、HTML 3亿字符、PDF 2000万字符）。限制按工作量而不是时间计算，因此同一模板在任何机器上都在同一处停下。',
      en: 'The template went over a limit: blocks nested more than 24 deep, partials more than 32 deep, more than 8,000,000 `{{#each}}` iterations and partial calls in all, more than 40,000,000 operations in all (helper calls, field lookups, values written, iterations and partial calls), template files over 256 KiB together, or more output than the format allows (100 million characters of Markdown, 300 million of HTML, 20 million for the PDF). Limits count work, not time, so a template stops at the same place on any machine.',
    },
    fix: {
      'zh-CN': '简化所指出位置的循环或局部模板：减少嵌套，或不要在循环中重复输出整份数据。',
      en: 'Simplify the loop or partial at the place named: nest less, or do not repeat the whole model inside a loop.',
    },
    example: '{{#each pillars.items}}{{#each ../pillars.items}}{{#each ../../pillars.items}}…{{/each}}{{/each}}{{/each}}',
  },
  'pdf-nesting': {
    kinds: ['template'],
    severity: 'error',
    title: { 'zh-CN': 'PDF 文稿嵌套过深', en: 'PDF Markdown nested too deep' },
    explain: {
      'zh-CN': 'PDF 模板生成的 Markdown 中，引用块、列表或强调嵌套超过16层。超出部分作为普通文字排版并提示，报告不写出。位置是模板生成的 Markdown 的行号。',
      en: 'The Markdown the PDF template renders nests block quotes, lists or emphasis more than 16 levels deep. The rest would be set as plain text; the report is not written. The position is a line of the rendered Markdown.',
    },
    fix: {
      'zh-CN': '检查自定义的 PDF 模板（--templates）或所插入的文字，减少嵌套层级。',
      en: 'Check the custom PDF template (--templates) or the text it places, and nest less.',
    },
    example: '> > > > > > > > > > > > > > > > > 过深的引用',
  },
  'pdf-missing-glyph': {
    kinds: ['template'],
    severity: 'warning',
    title: { 'zh-CN': 'PDF 字体缺少字符', en: 'Character missing from the PDF font' },
    explain: {
      'zh-CN': 'PDF 所嵌入的字体（Noto Sans SC）没有这些字符，例如表情符号、韩文、泰文、阿拉伯文或中日韩扩展B区汉字。PDF 中以红框内的码位（如 U+1F600）显示，文字层保留原字符；警告列出这些字符和首次出现的章节。',
      en: 'The font embedded in the PDF (Noto Sans SC) lacks these characters, such as emoji, Hangul, Thai, Arabic or CJK Extension B. The PDF shows each as its code point in a red box (U+1F600) and keeps it in the text layer; the warning names them and the section where they first appear.',
    },
    fix: {
      'zh-CN': '若是录入错误，改正规划或数据文件中的文字；若确需这些字符，使用 Markdown 或 HTML 报告。',
      en: 'If they are typing mistakes, correct the plan or data text; if the characters are needed, use the Markdown or HTML report.',
    },
    example: 'name: 地区生产总值 📈',
  },
} as const satisfies Record<string, CodeEntry>;
