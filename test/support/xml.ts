import { SaxesParser } from 'saxes';

/** The well-formedness errors of an XML document, as a strict XML 1.0 parser reports them. */
export function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (error) => errors.push(error.message));
  parser.write(xml).close();
  return errors;
}
