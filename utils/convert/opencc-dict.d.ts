/** opencc-js ships each dictionary as a module whose default export is the serialized string. */
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
