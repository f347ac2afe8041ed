/**
 * A minimal Parquet writer for tests (files are generated in the tests, never committed): string
 * columns, REQUIRED, PLAIN encoding, uncompressed, one data page per column chunk, any number of
 * row groups. Thrift compact protocol as the Parquet format specification defines it.
 */
class Thrift {
  private readonly bytes: number[] = [];
  private last: number[] = [0];

  private varint(n: bigint): void {
    let v = n;
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }

  private zigzag(n: number | bigint): void {
    const v = BigInt(n);
    this.varint(v >= 0n ? v << 1n : (-v << 1n) - 1n);
  }

  private field(id: number, type: number): void {
    const delta = id - this.last[this.last.length - 1]!;
    if (delta > 0 && delta < 16) this.bytes.push((delta << 4) | type);
    else {
      this.bytes.push(type);
      this.zigzag(id);
    }
    this.last[this.last.length - 1] = id;
  }

  i32(id: number, value: number): this {
    this.field(id, 5);
    this.zigzag(value);
    return this;
  }

  i64(id: number, value: number): this {
    this.field(id, 6);
    this.zigzag(value);
    return this;
  }

  binary(id: number, value: string): this {
    this.field(id, 8);
    const data = Buffer.from(value, 'utf8');
    this.varint(BigInt(data.length));
    this.bytes.push(...data);
    return this;
  }

  struct(id: number, body: (t: this) => void): this {
    this.field(id, 12);
    this.last.push(0);
    body(this);
    this.bytes.push(0);
    this.last.pop();
    return this;
  }

  list<T>(id: number, elementType: 5 | 8 | 12, items: readonly T[], write: (t: this, item: T) => void): this {
    this.field(id, 9);
    if (items.length < 15) this.bytes.push((items.length << 4) | elementType);
    else {
      this.bytes.push(0xf0 | elementType);
      this.varint(BigInt(items.length));
    }
    for (const item of items) {
      if (elementType === 12) {
        this.last.push(0);
        write(this, item);
        this.bytes.push(0);
        this.last.pop();
      } else write(this, item);
    }
    return this;
  }

  rawI32(value: number): void {
    this.zigzag(value);
  }

  rawBinary(value: string): void {
    const data = Buffer.from(value, 'utf8');
    this.varint(BigInt(data.length));
    this.bytes.push(...data);
  }

  end(): Buffer {
    this.bytes.push(0);
    return Buffer.from(this.bytes);
  }
}

export function parquetFile(columns: readonly string[], rowGroups: readonly (readonly string[][])[]): Buffer {
  const parts: Buffer[] = [Buffer.from('PAR1')];
  let offset = 4;
  const groups: Array<{
    rows: number;
    size: number;
    chunks: Array<{ offset: number; size: number; values: number }>;
  }> = [];
  for (const rows of rowGroups) {
    const chunks = columns.map((_, c) => {
      const data = Buffer.concat(
        rows.map((row) => {
          const value = Buffer.from(row[c] ?? '', 'utf8');
          const length = Buffer.alloc(4);
          length.writeUInt32LE(value.length);
          return Buffer.concat([length, value]);
        }),
      );
      const header = new Thrift()
        .i32(1, 0)
        .i32(2, data.length)
        .i32(3, data.length)
        .struct(5, (t) => t.i32(1, rows.length).i32(2, 0).i32(3, 3).i32(4, 3))
        .end();
      const chunk = { offset, size: header.length + data.length, values: rows.length };
      parts.push(header, data);
      offset += chunk.size;
      return chunk;
    });
    groups.push({ rows: rows.length, size: chunks.reduce((n, c) => n + c.size, 0), chunks });
  }
  const totalRows = rowGroups.reduce((n, rows) => n + rows.length, 0);
  const schema = [
    { name: 'schema', children: columns.length },
    ...columns.map((name) => ({ name, children: 0 })),
  ];
  const footer = new Thrift()
    .i32(1, 1)
    .list(2, 12, schema, (t, element) => {
      if (element.children > 0) t.binary(4, element.name).i32(5, element.children);
      else t.i32(1, 6).i32(3, 0).binary(4, element.name).i32(6, 0);
    })
    .i64(3, totalRows)
    .list(4, 12, groups, (t, group) => {
      t.list(1, 12, group.chunks, (u, chunk) => {
        u.i64(2, chunk.offset).struct(3, (m) =>
          m
            .i32(1, 6)
            .list(2, 5, [0], (v, e) => v.rawI32(e))
            .list(3, 8, [columns[group.chunks.indexOf(chunk)]!], (v, e) => v.rawBinary(e))
            .i32(4, 0)
            .i64(5, chunk.values)
            .i64(6, chunk.size)
            .i64(7, chunk.size)
            .i64(9, chunk.offset),
        );
      })
        .i64(2, group.size)
        .i64(3, group.rows);
    })
    .end();
  const length = Buffer.alloc(4);
  length.writeUInt32LE(footer.length);
  parts.push(footer, length, Buffer.from('PAR1'));
  return Buffer.concat(parts);
}
