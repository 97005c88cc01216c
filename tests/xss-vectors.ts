/**
 * Script-injection payloads, from the OWASP XSS filter evasion cheat sheet and DOMPurify's own test
 * vectors. Each calls `alert(1)`; the E2E suite swaps that for a call that records which payload ran.
 * Shared by the sanitizer's unit test and the hostile pages of the E2E suite.
 */
export const XSS_VECTORS: string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script><p>text</p>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href=" &#14; javascript:alert(1)">x</a>',
  '<a href="java\tscript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">x</button></form>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<body onload=alert(1)><p>x</p>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<style>@import "javascript:alert(1)";</style><p>x</p>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//"><a href="x">x</a>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<video><source onerror=alert(1)></video>',
  '<img src="x" srcset="javascript:alert(1) 1x">',
  '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
  '<a href="#" onclick="alert(1)">x</a>',
  '<img src="data:text/html,<script>alert(1)</script>">',
];
