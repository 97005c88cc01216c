/**
 * Rewrites the written forms a voice stumbles over into the words a person would say: ISO dates,
 * document numbers (国办发〔2021〕9号), clock times, percentages, and phone numbers read digit by digit.
 * Only the spoken text changes; the reader keeps showing the original, and highlighting follows the
 * block a chunk came from (see plan.ts), so nothing here needs to map back character by character.
 */

/** Digits as said one by one in a phone number (1 is 幺, as on Chinese phone lines). */
const PHONE_DIGITS = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Full-width digits and marks some portals type, turned into ASCII before matching. */
function toHalfWidth(text: string): string {
  return text.replace(/[０-９％：－]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0));
}

/** Digits said one by one: 12345 → 幺二三四五. */
export function digitByDigit(digits: string): string {
  return [...digits].map((digit) => PHONE_DIGITS[Number(digit)] ?? digit).join('');
}

/** A digit must not touch the match on either side (so 2021-03-02 is not read inside 12021-03-021). */
const NOT_DIGIT_BEFORE = '(?<![0-9])';
const NOT_DIGIT_AFTER = '(?![0-9])';

interface Rule {
  name: string;
  pattern: RegExp;
  say: (match: string, ...groups: string[]) => string;
}

/** Words before or after a short number that make it a hotline, read digit by digit. */
const HOTLINE_BEFORE = /(?:热线|电话|拨打|致电|号码|服务台|专线|热线电话)[：:\s]*$/;
const HOTLINE_AFTER = /^\s*(?:热线|服务热线|政务服务|便民)/;

const RULES: Rule[] = [
  {
    // 国办发〔2021〕9号, 川府函[2020]12号, 资府办发【2021】第3号 → 国办发2021年9号: the bracket is a
    // year, and voices otherwise say 括号 or nothing at all.
    name: 'document-number',
    pattern:
      /([\p{Script=Han}]{1,12})\s*[〔［[【(（]\s*((?:19|20)\d{2})\s*[〕］\]】)）]\s*(第?)\s*(\d{1,5})\s*号/gu,
    say: (_match, issuer, year, ordinal, number) =>
      `${issuer}${year}年${ordinal}${Number(number)}号`,
  },
  {
    // 2021-03-02, 2021/3/2, 2021.03.02 → 2021年3月2日
    name: 'date',
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}((?:19|20)\\d{2})([-/.])(0?[1-9]|1[0-2])\\2(0?[1-9]|[12]\\d|3[01])${NOT_DIGIT_AFTER}`,
      'g',
    ),
    say: (_match, year, _separator, month, day) => `${year}年${Number(month)}月${Number(day)}日`,
  },
  {
    // 2021-03 → 2021年3月 (otherwise the dash would read as a range)
    name: 'month',
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}((?:19|20)\\d{2})[-/](0?[1-9]|1[0-2])${NOT_DIGIT_AFTER}(?![-/.]\\d)`,
      'g',
    ),
    say: (_match, year, month) => `${year}年${Number(month)}月`,
  },
  {
    // 2021年03月02日 → 2021年3月2日 (a voice says 零三月)
    name: 'date-zeros',
    pattern: /((?:19|20)\d{2})年0?(\d{1,2})月0?(\d{1,2})日/g,
    say: (_match, year, month, day) => `${year}年${Number(month)}月${Number(day)}日`,
  },
  {
    // 028-26653050, (028)26653050, 0817-2222222 → area code, then the number, digit by digit
    name: 'landline',
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}[(（]?(0\\d{2,3})[)）]?[-\\s]?(\\d{7,8})${NOT_DIGIT_AFTER}`,
      'g',
    ),
    say: (_match, area, number) => `${digitByDigit(area)}，${digitByDigit(number)}`,
  },
  {
    // 400-800-1234, 800-1234567 service numbers
    name: 'service-number',
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}([48]00)-?(\\d{3,4})-?(\\d{3,4})${NOT_DIGIT_AFTER}`,
      'g',
    ),
    say: (_match, a, b, c) => `${digitByDigit(a)}，${digitByDigit(b)}，${digitByDigit(c)}`,
  },
  {
    // 13812345678, 138-1234-5678 mobiles
    name: 'mobile',
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}(1[3-9]\\d)-?(\\d{4})-?(\\d{4})${NOT_DIGIT_AFTER}`,
      'g',
    ),
    say: (_match, a, b, c) => `${digitByDigit(a)}，${digitByDigit(b)}，${digitByDigit(c)}`,
  },
  {
    // 14:30 → 14点30分, 9:05 → 9点零5分, 8:00 → 8点, 14:30:15 → 14点30分15秒
    name: 'time',
    pattern: new RegExp(
      `${NOT_DIGIT_BEFORE}([01]?\\d|2[0-3])[:：]([0-5]\\d)(?:[:：]([0-5]\\d))?${NOT_DIGIT_AFTER}`,
      'g',
    ),
    say: (_match, hours, minutes, seconds) => {
      const minute = Number(minutes);
      let spoken = `${Number(hours)}点`;
      if (minute > 0 || seconds) spoken += `${minute < 10 ? `零${minute}` : minute}分`;
      if (seconds) spoken += `${Number(seconds)}秒`;
      return spoken;
    },
  },
  {
    // 3.5% → 百分之3.5 (the full-width ％ too, as portals type it after ASCII digits), 10%-20% →
    // 百分之10至百分之20, 2‰ → 千分之2; a minus after words, not after a number: 增长-3.2% → 增长负百分之3.2
    name: 'percent',
    pattern: /(?:(?<=^|[^\d\w.%％‰])([-－−]))?(\d+(?:\.\d+)?)\s*([%％‰])/g,
    say: (_match, minus, number, sign) =>
      `${minus ? '负' : ''}${sign === '‰' ? '千分之' : '百分之'}${number}`,
  },
];

/** Numbers of 3 to 6 digits next to 热线/电话/拨打 (12345, 12315, 110) are said digit by digit. */
function sayHotlines(text: string): string {
  return text.replace(
    new RegExp(`${NOT_DIGIT_BEFORE}(\\d{3,6})${NOT_DIGIT_AFTER}`, 'g'),
    (match, digits: string, offset: number) => {
      const before = text.slice(Math.max(0, offset - 8), offset);
      const after = text.slice(offset + match.length, offset + match.length + 6);
      return HOTLINE_BEFORE.test(before) || HOTLINE_AFTER.test(after)
        ? digitByDigit(digits)
        : match;
    },
  );
}

/** The text as it should be said. Text without any of the forms above comes back unchanged. */
export function toSpokenForm(text: string): string {
  let spoken = toHalfWidthNumbers(text);
  for (const rule of RULES) {
    // The replacer's last two arguments are the offset and the whole string.
    spoken = spoken.replace(rule.pattern, (match, ...args) =>
      rule.say(match, ...(args.slice(0, -2) as string[])),
    );
  }
  // A number range with a dash: 10%-20% is 百分之10至百分之20, 9点-17点 is 9点至17点.
  spoken = spoken.replace(/(?<=[\d点分%])\s*[-－~～—]\s*(?=百分之|\d)/g, '至');
  return sayHotlines(spoken);
}

/** Full-width digits and marks become ASCII only inside runs of digits, so prose keeps its ：. */
function toHalfWidthNumbers(text: string): string {
  return text.replace(/[０-９][０-９％：－.]*[０-９％]?/g, toHalfWidth);
}
