import { getCountries, getCountryCallingCode, getExampleNumber } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import { internationalCountry, internationalCountrySlow } from '../src/modules/classification/detectors/phone-metadata.js';
let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const vals: string[] = [];
for (const c of getCountries()) {
  const cc = getCountryCallingCode(c);
  const ex = getExampleNumber(c, examples);
  const nat = ex?.nationalNumber ?? '123456789';
  vals.push(cc + nat);
  for (let k = 0; k < 300; k++) {
    let n = nat.split('');
    const m = Math.floor(rnd()*4);
    if (m===0) n[Math.floor(rnd()*n.length)] = String(Math.floor(rnd()*10));
    if (m===1) n.push(String(Math.floor(rnd()*10)));
    if (m===2) n.pop();
    if (m===3) n = Array.from({length: 4+Math.floor(rnd()*10)}, () => String(Math.floor(rnd()*10)));
    if (rnd()<0.1) n.unshift('0');
    vals.push(cc + n.join(''));
  }
}
for (let k=0;k<50000;k++) vals.push(Array.from({length: 5+Math.floor(rnd()*12)}, () => String(Math.floor(rnd()*10))).join(''));
let bad=0, valid=0;
for (const v of vals) { const a = internationalCountry(v), b = internationalCountrySlow(v); if (b!==null) valid++; if (a!==b) { if (bad++<10) console.log('DIFF', v, a, b); } }
console.log(vals.length, 'values', valid, 'valid', bad, 'diffs');
let t=process.hrtime.bigint(); for (const v of vals) internationalCountry(v); console.log('fast', Number(process.hrtime.bigint()-t)/1e3/vals.length,'us');
t=process.hrtime.bigint(); for (const v of vals) internationalCountrySlow(v); console.log('slow', Number(process.hrtime.bigint()-t)/1e3/vals.length,'us');
