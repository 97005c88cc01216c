import { describe, expect, it } from 'vitest';
import { attachmentUrl } from '~/utils/extract/attachments';
import { findDateBesideSource, findPublishedAt, findSource } from '~/utils/extract/meta-line';
import { stripTitleSuffix } from '~/utils/extract/page-title';
import { scriptOfLangTag, scriptOfText } from '~/utils/extract/script-language';
import { formatPublishedAt, normalizePublishedAt } from '~/utils/page/published-date';

describe('stripTitleSuffix', () => {
  it.each([
    ['通知_通知公告_某市人民政府', '通知'],
    ['从严从实抓好环保问题整改_环境保护_资阳市人民政府', '从严从实抓好环保问题整改'],
    [
      '山西品牌丝路行（南美站）正式启动 - 山西省人民政府门户网站 ',
      '山西品牌丝路行（南美站）正式启动',
    ],
    ['关于停水的通知-某县人民政府', '关于停水的通知'],
    ['关于停水的通知 | 某县人民政府', '关于停水的通知'],
    ['关于停水的通知｜某县人民政府', '关于停水的通知'],
    ['常德市金融系统积极开展活动--当代商报', '常德市金融系统积极开展活动'],
    ['国务院关于A - B的通知 - 中国政府网', '国务院关于A - B的通知'],
    // Hyphens inside a title are not separators.
    ['1-10月德清县固定资产投资结构趋稳趋优', '1-10月德清县固定资产投资结构趋稳趋优'],
    ['2021-2025年发展规划', '2021-2025年发展规划'],
    ['COVID-19防控指南', 'COVID-19防控指南'],
    // A cut that would leave almost nothing is no cut.
    ['A - 某市人民政府', 'A - 某市人民政府'],
    ['  没有后缀的标题  ', '没有后缀的标题'],
    // Nothing but the suffix: no title at all.
    ['-铜雀历史网', ''],
    ['_通知公告_某市人民政府', ''],
  ])('%s → %s', (title, expected) => {
    expect(stripTitleSuffix(title)).toBe(expected);
  });
});

describe('normalizePublishedAt', () => {
  it.each([
    ['2026-05-18 10:19', '2026-05-18T10:19'],
    ['2026-05-18 10:19:33', '2026-05-18T10:19'],
    ['2026.09.19', '2026-09-19'],
    ['2020年08月02日', '2020-08-02'],
    ['2020年8月2日 9时5分', '2020-08-02T09:05'],
    ['2021/3/2', '2021-03-02'],
    ['2021-03-02T09:12:00+08:00', '2021-03-02T09:12'],
    [' 2021-03-02 ', '2021-03-02'],
    // A time out of range is dropped, the date kept.
    ['2021-03-02 25:61', '2021-03-02'],
    // Not dates.
    ['2021-02-30', undefined],
    ['2021-13-01', undefined],
    ['0000-00-00', undefined],
    ['昨天', undefined],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(normalizePublishedAt(text)).toBe(expected);
  });

  it('formats for people with a space, not a T', () => {
    expect(formatPublishedAt('2021-03-02T09:12')).toBe('2021-03-02 09:12');
    expect(formatPublishedAt('2021-03-02')).toBe('2021-03-02');
  });
});

describe('the visible meta line', () => {
  it.each([
    ['发布时间：2021-03-02 09:12 来源：资阳日报', '2021-03-02T09:12'],
    ['时间:2021-03-02 \u00a0 浏览量:23010', '2021-03-02'],
    ['发布日期: \n2012-06-24\n字号', '2012-06-24'],
    ['日期：2020年08月02日', '2020-08-02'],
    ['發布時間：2021.03.02', '2021-03-02'],
    ['活动于2021年3月2日举行', undefined],
  ])('date of %j is %j', (text, expected) => {
    expect(findPublishedAt(text)).toBe(expected);
  });

  it.each([
    ['2020-10-04 20:30 来源: 长江网', '2020-10-04T20:30'],
    ['首页 > 新闻\n2024年5月13日 来源：中国青年报', '2024-05-13'],
    ['2020-10-04 20:30\n活动于2021年3月2日举行', undefined],
  ])('an unlabelled date on the source line of %j is %j', (text, expected) => {
    expect(findDateBesideSource(text)).toBe(expected);
  });

  it('outside the header, only takes prefixed labels ("发布时间"), not a notice\'s "时间："', () => {
    expect(findPublishedAt('停水时间：2021-03-05 08:00', false)).toBeUndefined();
    expect(findPublishedAt('发布时间：2021-03-02', false)).toBe('2021-03-02');
  });

  it.each([
    ['来源：资阳日报', '资阳日报'],
    ['来源:资阳日报  浏览量:23010', '资阳日报'],
    ['时间:2021-03-02 \u00a0\u00a0 浏览量:23010 \u00a0\u00a0 来源:资阳日报', '资阳日报'],
    ['来源：\n      山西日报\n   打印', '山西日报'],
    ['信息来源：省发改委', '省发改委'],
    ['发布日期：2016-11-22浏览次数：信息来源：省发改委', '省发改委'],
    [
      '信息来源: 中国空间技术研究院、中国运载火箭技术研究院等\n字号',
      '中国空间技术研究院、中国运载火箭技术研究院等',
    ],
    ['来源：县水务局 作者：张三', '县水务局'],
    ['来源：资阳日报编辑部', '资阳日报编辑部'],
    ['来源：新华社点击数：12', '新华社'],
    ['来源：人民网【字体：大 中 小】', '人民网'],
    ['来源：人民日报2024-05-13 08:49', '人民日报'],
    ['来源：光明网-《光明日报》2024年5月20日', '光明网-《光明日报》'],
    ['來源：行政院新聞傳播處', '行政院新聞傳播處'],
    ['来源：浏览次数：3', undefined],
    ['没有来源的一行', undefined],
  ])('source of %j is %j', (text, expected) => {
    expect(findSource(text)).toBe(expected);
  });
});

describe('script of a page', () => {
  it.each([
    ['zh-CN', 'zh-Hans'],
    ['zh-cn', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh_CN', 'zh-Hans'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-MO', 'zh-Hant'],
    ['zh-Hant', 'zh-Hant'],
    ['zh-Hant-CN', 'zh-Hant'],
    ['zh', undefined],
    ['en', undefined],
    ['', undefined],
    [null, undefined],
  ])('lang=%j → %j', (tag, expected) => {
    expect(scriptOfLangTag(tag)).toBe(expected);
  });

  it.each([
    ['我们这个国家的发展为人民服务', 'zh-Hans'],
    ['我們這個國家的發展為人民服務', 'zh-Hant'],
    // Characters both scripts share (中, 人, 大) say nothing; a tie is no answer.
    ['中人大', undefined],
    ['Hello', undefined],
    // A traditional page quoting one simplified name is still traditional.
    ['這是國務院關於發展的說明，會議時間由國家決定（国务院）。', 'zh-Hant'],
  ])('text %j → %j', (text, expected) => {
    expect(scriptOfText(text)).toBe(expected);
  });
});

describe('attachmentUrl', () => {
  const base = 'http://www.example.gov.cn/art/2021/3/2/art_1_2.html';
  it.each([
    ['./P020210302.pdf', 'http://www.example.gov.cn/art/2021/3/2/P020210302.pdf'],
    ['/files/a.DOCX', 'http://www.example.gov.cn/files/a.DOCX'],
    ['https://x.gov.cn/a.xls?t=1', 'https://x.gov.cn/a.xls?t=1'],
    ['a.xlsx', 'http://www.example.gov.cn/art/2021/3/2/a.xlsx'],
    ['a.wps', 'http://www.example.gov.cn/art/2021/3/2/a.wps'],
    ['a.ofd', 'http://www.example.gov.cn/art/2021/3/2/a.ofd'],
    ['a.zip', 'http://www.example.gov.cn/art/2021/3/2/a.zip'],
    ['a.rar', 'http://www.example.gov.cn/art/2021/3/2/a.rar'],
    ['a.et', 'http://www.example.gov.cn/art/2021/3/2/a.et'],
    [
      '/down.jsp?file=%E5%90%8D%E5%8D%95.doc',
      'http://www.example.gov.cn/down.jsp?file=%E5%90%8D%E5%8D%95.doc',
    ],
    ['javascript:download("a.pdf")', undefined],
    ['ftp://x.gov.cn/a.pdf', undefined],
    ['data:application/pdf;base64,AAAA', undefined],
    ['/a.html', undefined],
    ['/a.pdf.html', undefined],
    ['/budget', undefined],
    // A user name and password in the link go nowhere, neither to the list nor to the server.
    ['http://admin:secret@x.gov.cn/a.pdf', 'http://x.gov.cn/a.pdf'],
    ['https://admin@x.gov.cn/a.pdf', 'https://x.gov.cn/a.pdf'],
  ])('%s → %s', (href, expected) => {
    expect(attachmentUrl(href, base)).toBe(expected);
  });
});

describe('golden-page fixes', () => {
  it('takes the publication date over the signing date (成文日期) of a policy info table', () => {
    expect(
      findPublishedAt(
        '成文日期：2026年03月16日\n发文字号：国办发〔2026〕9号\n发布日期：2026年03月19日',
      ),
    ).toBe('2026-03-19');
    expect(findPublishedAt('成文日期：2026-03-06')).toBe('2026-03-06');
  });

  it('reads the dateline a Hong Kong press release ends with', () => {
    expect(
      findPublishedAt('……熱線2838 2311。\n完\n2026年3月2日（星期一）\n香港時間16時30分', false),
    ).toBe('2026-03-02T16:30');
  });

  it('takes OpenDocument files for attachments', () => {
    expect(attachmentUrl('/File/1/方案.odt', 'https://www.ey.gov.tw/Page/1')).toBe(
      'https://www.ey.gov.tw/File/1/%E6%96%B9%E6%A1%88.odt',
    );
    expect(attachmentUrl('/a/表.ods', 'https://www.ey.gov.tw/')).toBeDefined();
  });
});
