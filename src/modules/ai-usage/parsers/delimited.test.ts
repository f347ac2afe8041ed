import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../core/errors.js';
import { dayOf, NOV_30, parseLine } from '../testing/fixtures.js';
import { parseColumnMap } from './column-map.js';
import { csvLayout, DelimitedParser, zscalerLayout } from './delimited.js';

const REFERENCE = new Date('2026-11-30T12:00:00Z');

function csv(header: string, map = '') {
  const parser = new DelimitedParser(csvLayout(Buffer.from(header), parseColumnMap(map)), REFERENCE);
  return (line: string) => parseLine(parser, line);
}

function zscaler(first: string, map = '') {
  const parser = new DelimitedParser(
    zscalerLayout(Buffer.from(first), parseColumnMap(map), REFERENCE),
    REFERENCE,
  );
  return (line: string) => parseLine(parser, line);
}

function errorOf(work: () => unknown): string {
  try {
    work();
  } catch (error) {
    if (isAppError(error)) return error.message;
    throw error;
  }
  throw new Error('no error');
}

// Zscaler's documented CSV feed template (32 fields) and the variant with app_status and threatseverity (34).
const ZSCALER_32 =
  '"Mon Nov 30 10:00:00 2026","jdoe@example.org","HTTPS","chatgpt.com/backend-api/files","Allowed","ChatGPT","AI & ML Applications","4217634","2210","Business Use","Information Technology","Generative AI and ML Applications","None","None","5","None","None","Nairobi","Supply Chain","10.20.31.77","198.51.100.120","POST","200","Mozilla/5.0","https://chatgpt.com/","URL Filtering","Allow AI","multipart/form-data","None","okatz","NXC-WS-1188","N/A"';
const ZSCALER_34 =
  '"Mon Nov 30 10:00:00 2026","jdoe@example.org","HTTPS","claude.ai/api/upload","Blocked","Claude","Unsanctioned","AI & ML Applications","900","1622","Business Use","Information Technology","Generative AI and ML Applications","None","None","5","None","PCI","Credit Cards","Geneva","Finance","10.20.31.52","198.51.100.121","POST","403","Mozilla/5.0","None","DLP","Block cards","multipart/form-data","None","NA","NA","N/A"';

describe('reading generic CSV logs', () => {
  it('finds columns by common names, in any case or punctuation', () => {
    const read = csv('Timestamp,User_Name,Dest Host,Bytes-Out,Bytes-In,Action,Department,Office');
    expect(read('2026-11-30T10:00:00Z,jdoe,chatgpt.com,1200,3400,allowed,Supply Chain,Nairobi')).toEqual({
      outcome: 'event',
      day: dayOf(NOV_30),
      host: 'chatgpt.com',
      user: 'jdoe',
      department: 'Supply Chain',
      office: 'Nairobi',
      bytesUp: 1200,
      bytesDown: 3400,
      blocked: false,
    });
  });

  it('follows --map for columns with other names', () => {
    const read = csv(
      'ts;uid;dest;sent;recv;dept',
      'time=ts,user=uid,host=dest,bytes_up=sent,bytes_down=recv,department=dept',
    );
    expect(read('1796032800;u42;api.openai.com;10;20;Finance')).toMatchObject({
      host: 'api.openai.com',
      user: 'u42',
      bytesUp: 10,
      bytesDown: 20,
      department: 'Finance',
    });
  });

  it('takes the host from a URL column when there is no host column', () => {
    const read = csv('time,url,user');
    expect(read('2026-11-30 10:00:00,https://claude.ai/chat/abc?q=1,jdoe').host).toBe('claude.ai');
  });

  it('reads quoted values with delimiters and doubled quotes, and tab-separated files', () => {
    expect(
      csv('time,host,user,department')('2026-11-30,chatgpt.com,"Doe, Jane","R&D ""Labs"""'),
    ).toMatchObject({ user: 'Doe, Jane', department: 'R&D "Labs"' });
    expect(csv('time\thost\tuser')('2026-11-30\tdeepl.com\tana')).toMatchObject({
      host: 'deepl.com',
      user: 'ana',
    });
  });

  it('falls back to the client address for the user, and skips a repeated header', () => {
    const read = csv('time,host,user,src_ip');
    expect(read('2026-11-30,deepl.com,,10.0.0.9').user).toBe('10.0.0.9');
    expect(read('time,host,user,src_ip').outcome).toBe('skip');
  });

  it('marks blocked actions', () => {
    const read = csv('time,host,action');
    expect(read('2026-11-30,deepl.com,Blocked').blocked).toBe(true);
    expect(read('2026-11-30,deepl.com,deny').blocked).toBe(true);
    expect(read('2026-11-30,deepl.com,ALLOW').blocked).toBe(false);
  });

  it.each<[string, string]>([
    ['yesterday,chatgpt.com,jdoe,1', 'the time is not a timestamp Custos reads'],
    ['2026-11-30,chatgpt.com', 'fewer columns than expected'],
    ['2026-11-30,chatgpt.com,jdoe,many', 'the upload size is not a number'],
    ['2026-11-30,"chatgpt.com,jdoe,1', 'a quoted value is not closed on this line'],
  ])('refuses %j: %s', (line, reason) => {
    expect(csv('time,host,user,bytes_up')(line)).toEqual({ outcome: 'malformed', reason });
  });

  it('explains which columns are missing', () => {
    expect(errorOf(() => csvLayout(Buffer.from('when,where,who'), {}))).toMatch(
      /no time and no host \(or url\) column.*when, where, who/,
    );
    expect(errorOf(() => csvLayout(Buffer.from('time,host'), parseColumnMap('department=dept')))).toMatch(
      /department=dept/,
    );
  });
});

describe('reading Zscaler NSS web feeds', () => {
  it('reads a header-less line of the documented 32-field CSV template', () => {
    expect(zscaler(ZSCALER_32)(ZSCALER_32)).toEqual({
      outcome: 'event',
      day: dayOf(NOV_30),
      host: 'chatgpt.com',
      user: 'jdoe@example.org',
      department: 'Supply Chain',
      office: 'Nairobi',
      bytesUp: 4217634,
      bytesDown: 2210,
      blocked: false,
    });
  });

  it('reads the 34-field variant with app_status and threatseverity', () => {
    expect(zscaler(ZSCALER_34)(ZSCALER_34)).toMatchObject({
      host: 'claude.ai',
      department: 'Finance',
      office: 'Geneva',
      bytesUp: 900,
      bytesDown: 1622,
      blocked: true,
    });
  });

  it('reads tab-separated output', () => {
    const tsv = ZSCALER_32.replaceAll('","', '\t').replaceAll('"', '');
    expect(zscaler(tsv)(tsv)).toMatchObject({
      host: 'chatgpt.com',
      user: 'jdoe@example.org',
      department: 'Supply Chain',
    });
  });

  it('reads a feed with a header of NSS variable names, treating None and NA as empty', () => {
    const header = 'time,login,ehost,eurl,reqsize,respsize,action,dept,location';
    const read = zscaler(header);
    expect(read(header).outcome).toBe('skip');
    expect(
      read('2026-11-30 10:00:00,jdoe,api.openai.com,api.openai.com/v1/files,10,20,Allowed,None,NA'),
    ).toMatchObject({
      host: 'api.openai.com',
      bytesUp: 10,
      bytesDown: 20,
      department: undefined,
      office: undefined,
    });
  });

  it('lets --map name 1-based columns of a header-less feed', () => {
    const read = zscaler(ZSCALER_32, 'department=2');
    expect(read(ZSCALER_32).department).toBe('jdoe@example.org');
    expect(
      errorOf(() => zscalerLayout(Buffer.from(ZSCALER_32), parseColumnMap('department=dept'), REFERENCE)),
    ).toMatch(/column numbers 1–32/);
  });
});
