// JSON is YAML 1.2 flow syntax, but YAML forbids some characters that JSON leaves as they are
// (YAML 1.2 §5.1 c-printable): C0/C1 controls, DEL, U+FEFF and the noncharacters U+FFFE and
// U+FFFF; U+2028 and U+2029 are line breaks to YAML 1.1 readers. Those are written as escapes.
const unsafe = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/**
 * A value written as a YAML flow value that reads back as the same value: strings
 * double-quoted (`Report: "the" meet` → `"Report: \"the\" meet"`), lists and maps in brackets.
 * It is the `yaml` filter of scaffold templates.
 */
export function toYamlFlow(value: unknown): string {
  const json = JSON.stringify(value ?? null);
  return json.replace(unsafe, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
