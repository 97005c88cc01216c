import { describe, expect, it } from 'vitest';
import { hostOf, isGovHost, matchPatternFor, normaliseHostInput } from '~/utils/site-access';

describe('site access', () => {
  it('knows the government hosts the detector always runs on', () => {
    for (const host of [
      'www.gov.cn',
      'gov.cn',
      'www.ziyang.gov.cn',
      'www.info.gov.hk',
      'www.gov.mo',
      'www.ey.gov.tw',
    ])
      expect(isGovHost(host), host).toBe(true);
    for (const host of ['news.example.com', 'gov.cn.example.com', 'notgov.cn', 'www.gov.com'])
      expect(isGovHost(host), host).toBe(false);
  });

  it('reads what a user types as a host name, or refuses it', () => {
    expect(normaliseHostInput(' WWW.Example.com ')).toBe('www.example.com');
    expect(normaliseHostInput('https://news.example.com/a/b.html?x=1')).toBe('news.example.com');
    expect(normaliseHostInput('http://localhost:8080')).toBeUndefined();
    expect(normaliseHostInput('')).toBeUndefined();
    expect(normaliseHostInput('not a site')).toBeUndefined();
    expect(normaliseHostInput('javascript:alert(1)')).toBeUndefined();
  });

  it('takes hosts from http(s) URLs only, and builds one-host match patterns', () => {
    expect(hostOf('https://www.gov.cn/zhengce/a.htm')).toBe('www.gov.cn');
    expect(hostOf('chrome://extensions')).toBeUndefined();
    expect(hostOf('not a url')).toBeUndefined();
    expect(matchPatternFor('news.example.com')).toBe('*://news.example.com/*');
  });
});
