import { describe, expect, it } from 'vitest';
import {
  chunkText,
  hardSplit,
  MAX_CHUNK_CHARACTERS,
  splitSentences,
} from '../../utils/speech/chunk';
import { digitByDigit, toSpokenForm } from '../../utils/speech/spoken-forms';

const LONG_CLAUSES =
  '为进一步优化营商环境，切实减轻企业负担，市政府决定在全市范围内开展涉企收费专项清理工作，' +
  '重点清理行政事业性收费、政府性基金、经营服务性收费和行业协会商会收费，' +
  '对违规收费一律取消，对不合理的收费标准一律降低，对应当公开而未公开的收费项目一律公开。';

describe('chunkText', () => {
  const cases: { name: string; text: string; chunks: string[] }[] = [
    { name: 'empty text', text: '', chunks: [] },
    { name: 'whitespace only', text: ' \n\t　', chunks: [] },
    {
      name: 'one sentence per chunk, terminators kept',
      text: '各区县人民政府：现将有关事项通知如下。请认真贯彻执行！有问题吗？',
      chunks: ['各区县人民政府：现将有关事项通知如下。', '请认真贯彻执行！', '有问题吗？'],
    },
    {
      name: 'semicolons and ellipses end sentences',
      text: '一是加强领导；二是落实责任……三是强化督查。',
      chunks: ['一是加强领导；', '二是落实责任……', '三是强化督查。'],
    },
    {
      name: 'closing quotes stay with the sentence they end',
      text: '他说：“这件事要办好。”大家表示赞同。「真的吗？！」她问。',
      chunks: ['他说：“这件事要办好。”', '大家表示赞同。', '「真的吗？！」', '她问。'],
    },
    {
      name: 'a bracket or quote inside a sentence does not split it',
      text: '（一）关于“放管服”改革的要求，按《通知》执行。',
      chunks: ['（一）关于“放管服”改革的要求，按《通知》执行。'],
    },
    {
      name: 'numbers and decimals are not sentence ends',
      text: '增长3.5个百分点，达到2021.5亿元。同比上升12%。',
      chunks: ['增长3.5个百分点，达到2021.5亿元。', '同比上升12%。'],
    },
    {
      name: 'mixed Latin: a Latin full stop before a space ends a sentence',
      text: '请访问www.gov.cn查询。The portal is open. 欢迎使用APP办理。',
      chunks: ['请访问www.gov.cn查询。', 'The portal is open.', '欢迎使用APP办理。'],
    },
    {
      name: 'line breaks inside Chinese are layout, not pauses',
      text: '现将有关\n事项通知\n如下。',
      chunks: ['现将有关事项通知如下。'],
    },
    {
      name: 'a space between two phrases of a title is a pause; letter-spacing is not',
      text: '从严从实抓好整改 推动质量持续改善',
      chunks: ['从严从实抓好整改，推动质量持续改善'],
    },
    { name: 'letter-spaced heading', text: '通 知', chunks: ['通知'] },
    {
      name: 'punctuation left alone joins the chunk before it',
      text: '通知如下。……',
      chunks: ['通知如下。……'],
    },
    {
      name: 'a sentence of exactly the limit is not split',
      text: `${'字'.repeat(MAX_CHUNK_CHARACTERS - 1)}。`,
      chunks: [`${'字'.repeat(MAX_CHUNK_CHARACTERS - 1)}。`],
    },
  ];
  for (const { name, text, chunks } of cases) {
    it(name, () => expect(chunkText(text)).toEqual(chunks));
  }

  it('splits a long sentence at its clauses, packing them up to the limit', () => {
    const chunks = chunkText(LONG_CLAUSES);
    expect(chunks.join('')).toBe(LONG_CLAUSES);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_CHARACTERS);
      expect(chunk).toMatch(/[，。]$/);
    }
    // Greedy: no two neighbours would have fitted in one chunk.
    for (let i = 1; i < chunks.length; i++) {
      expect((chunks[i - 1] ?? '').length + (chunks[i] ?? '').length).toBeGreaterThan(
        MAX_CHUNK_CHARACTERS,
      );
    }
  });

  it('cuts a long sentence without clause marks as a last resort, never inside a number', () => {
    const text = `${'甲'.repeat(75)}20210302${'乙'.repeat(100)}。`;
    const chunks = chunkText(text);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_CHARACTERS);
    expect(chunks[0]).toBe('甲'.repeat(75));
    expect(chunks[1]?.startsWith('20210302')).toBe(true);
  });

  it('keeps every chunk within the limit on a long mixed paragraph', () => {
    const text = `${LONG_CLAUSES}${'长'.repeat(200)}，短句。${LONG_CLAUSES}`;
    const chunks = chunkText(text);
    expect(chunks.join('')).toBe(text);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_CHUNK_CHARACTERS);
  });
});

describe('splitSentences and hardSplit', () => {
  it('keeps a trailing sentence without a terminator', () => {
    expect(splitSentences('第一句。第二句没有句号')).toEqual(['第一句。', '第二句没有句号']);
  });
  it('hard-splits a Latin run longer than the limit at the limit', () => {
    expect(hardSplit('a'.repeat(10), 4)).toEqual(['aaaa', 'aaaa', 'aa']);
  });
});

describe('toSpokenForm', () => {
  const cases: [string, string, string][] = [
    ['ISO date', '2021-03-02印发', '2021年3月2日印发'],
    ['slashed date', '于2021/3/2公布', '于2021年3月2日公布'],
    ['dotted date', '2021.03.02', '2021年3月2日'],
    ['written date with zeros', '2021年03月02日', '2021年3月2日'],
    ['year and month', '2021-03起施行', '2021年3月起施行'],
    ['document number', '国办发〔2021〕9号', '国办发2021年9号'],
    ['document number, square brackets and 第', '川府函[2020]第12号', '川府函2020年第12号'],
    ['document number, lenticular brackets', '资府办发【2021】03号', '资府办发2021年3号'],
    ['time', '下午14:30召开', '下午14点30分召开'],
    ['time with a full-width colon', '上午9：05开始', '上午9点零5分开始'],
    ['time on the hour', '8:00上班', '8点上班'],
    ['time with seconds', '14:30:15', '14点30分15秒'],
    ['office hours range', '9:00-17:00', '9点至17点'],
    ['percentage', '增长3.5%', '增长百分之3.5'],
    ['full-width percentage', '下降１２％', '下降百分之12'],
    ['percentage range', '10%-20%', '百分之10至百分之20'],
    ['full-width percent sign after ASCII digits', '增长9.3％', '增长百分之9.3'],
    ['negative percentage', '牧业产值增长-3.2%，', '牧业产值增长负百分之3.2，'],
    ['a range is not a negative percentage', '增长2%-3%', '增长百分之2至百分之3'],
    ['per mille', '2‰', '千分之2'],
    ['landline', '电话：028-26653050', '电话：零二八，二六六五三零五零'],
    ['landline in brackets', '(0817)2222222', '零八幺七，二二二二二二二'],
    ['mobile', '联系人手机13812345678', '联系人手机幺三八，幺二三四，五六七八'],
    ['service number', '400-800-1234', '四零零，八零零，幺二三四'],
    ['hotline after 热线', '请拨打12345热线', '请拨打幺二三四五热线'],
    ['hotline after 热线：', '市长热线：12345', '市长热线：幺二三四五'],
    ['a plain number stays a number', '共计12345人', '共计12345人'],
    ['a ratio is not a time', '比例1:1000', '比例1:1000'],
    ['a longer number is not a date', '编号120210302001', '编号120210302001'],
    ['prose is unchanged', '各区县人民政府：', '各区县人民政府：'],
  ];
  for (const [name, text, spoken] of cases) {
    it(name, () => expect(toSpokenForm(text)).toBe(spoken));
  }

  it('reads digits the way phone numbers are read', () => {
    expect(digitByDigit('0123456789')).toBe('零幺二三四五六七八九');
  });
});
