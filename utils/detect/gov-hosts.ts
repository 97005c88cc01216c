/**
 * Government hosts the detector runs on without asking: mainland (gov.cn), Hong Kong (gov.hk),
 * Taiwan (gov.tw) and Macao (gov.mo) portals and all their subdomains. `*.gov.cn` also matches
 * `gov.cn` itself. Any other site works through `activeTab` when the user asks for the reader.
 */
export const GOV_HOST_MATCHES = [
  '*://*.gov.cn/*',
  '*://*.gov.hk/*',
  '*://*.gov.mo/*',
  '*://*.gov.tw/*',
];
