/**
 * Short categorical answers ("Catholic", "Hutu", "yes", "Type 2 diabetes"): under a header naming a
 * special category, such values are that category whatever their wording.
 */
export function isShortAnswer(value: string): boolean {
  const text = value.trim();
  return text.length > 0 && text.length <= 80 && text.split(/\s+/).length <= 8;
}
