/**
 * Short categorical answers ("Catholic", "Hutu", "yes", "Type 2 diabetes"): under a header naming a
 * special category, such values are that category whatever their wording.
 */
export function isShortAnswer(value: string): boolean {
  const text = value.trim();
  if (text.length === 0 || text.length > 80) return false;
  let words = 1;
  for (let i = 1; i < text.length; i++)
    if (text.charCodeAt(i) === 32 && text.charCodeAt(i - 1) !== 32 && ++words > 8) return false;
  return true;
}
