/**
 * Characters that tell scripts apart, small enough for the reader to carry without any dictionary.
 *
 * The first two lists are printed by scripts/make-script-hints.ts: the most frequent characters of
 * the corpus articles that OpenCC changes in one direction only and that real text of the other
 * script has rarely (a quotation, a name) if at all.
 */

/** Simplified forms (这, 们, 说…). */
export const SIMPLIFIED_HINTS =
  '国现发为会个来业区产进时这动经实对开设过体于学们价长与机电务说从车关点济规场义间运创将党内类东质华统当强总优并话划没领两数报资儿万断坚态导应种县样养带变游结无标线际视还历传计护问贸构记积专续题调员费阳团条头复战组轨术园达则观极门据转见协边决选广备联举营单约仅马风势让确论询处习别认减军项众难几网环稳气远属咨兴诉图红镇农给';

/** Traditional forms (這, 們, 說…). */
export const TRADITIONAL_HINTS =
  '國現發爲會來個業區時這產進經於動對實過設體們學後機長與價點電場務車營從濟關間內將義報規類華運裏創統網兩黨強質當數沒總資優萬並廣遊際無縣應導帶還斷員結領頭種兒劃態門傳麼記變堅專視調線養園標計費題續歷護論團戰貿觀農構別條則積圖聯組轉陽氣單達馬選備術風紅確約興軌據極處張讓邊環決熱為協準認勢佈僅舉詢終軍幾遠習項謝減樹穩屬衆貨節';

/**
 * Forms OpenCC's TWVariants gives for Taiwan where Hong Kong writing differs (裡 for 裏, 著 for 着,
 * 啟 for 啓); the forms common to all traditional writing (群, 床, 峰) are left out.
 */
export const TAIWAN_FORMS = '裡著啟汙洩痺簷睪';

/** Forms OpenCC's HKVariants gives for Hong Kong (説, 悦, 兑, 衞, 温), which Taiwan does not use. */
export const HONG_KONG_FORMS = '兑囱媪悦愠户揾枴棁榅枱氲涚温煴税緼脱腽卧蒀葱藴蜕衞説輼醖鈎鋭閲鰛';
