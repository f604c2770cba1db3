/**
 * elf.ts - what depmod reads from a kernel module's ELF file, read here without binutils: the
 * symbol table (.symtab with its string table) and .modinfo.
 *
 * - Exports: the `__ksymtab_NAME` symbols EXPORT_SYMBOL() defines (include/linux/export.h), the
 *   names `nm` shows; a module built without them falls back to the names in __ksymtab_strings.
 * - Undefined symbols: entries whose section index is SHN_UNDEF (nm's U and w). Livepatch
 *   relocation symbols have SHN_LIVEPATCH instead, so they create no dependency, as in depmod.
 * - .modinfo: NUL-separated key=value strings (name=, depends=, vermagic=, ...).
 */

export class ElfError extends Error {}

const SHT_SYMTAB = 2;
const SHN_UNDEF = 0;
const KSYMTAB_PREFIX = '__ksymtab_';

interface Section {
  name: string;
  type: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

export interface ElfModuleInfo {
  exports: string[];
  undefined: string[];
  modinfo: Record<string, string[]>;
}

const decoder = new TextDecoder();

function cstring(bytes: Uint8Array, at: number): string {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  return decoder.decode(bytes.subarray(at, end));
}

export function readElfModule(bytes: Uint8Array): ElfModuleInfo {
  if (bytes.length < 64 || bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) throw new ElfError('not an ELF file');
  const is64 = bytes[4] === 2;
  if (!is64 && bytes[4] !== 1) throw new ElfError(`unknown ELF class ${bytes[4]}`);
  const le = bytes[5] === 1;
  if (!le && bytes[5] !== 2) throw new ElfError(`unknown ELF data encoding ${bytes[5]}`);
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number) => v.getUint16(o, le);
  const u32 = (o: number) => v.getUint32(o, le);
  const addr = (o: number) => (is64 ? Number(v.getBigUint64(o, le)) : v.getUint32(o, le));
  const shoff = addr(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);
  if (shoff === 0 || shnum === 0) throw new ElfError('no section headers');
  if (shoff + shnum * shentsize > bytes.length) throw new ElfError('section headers past the end of the file (truncated?)');
  const raw: (Omit<Section, 'name'> & { nameOff: number })[] = [];
  for (let i = 0; i < shnum; i++) {
    const b = shoff + i * shentsize;
    raw.push(
      is64
        ? { nameOff: u32(b), type: u32(b + 4), offset: addr(b + 0x18), size: addr(b + 0x20), link: u32(b + 0x28), entsize: addr(b + 0x38) }
        : { nameOff: u32(b), type: u32(b + 4), offset: u32(b + 0x10), size: u32(b + 0x14), link: u32(b + 0x18), entsize: u32(b + 0x24) },
    );
  }
  const strtab = raw[shstrndx];
  if (!strtab) throw new ElfError('no section name table');
  const sections: Section[] = raw.map((s) => ({ ...s, name: cstring(bytes, strtab.offset + s.nameOff) }));
  const data = (s: Section) => {
    if (s.offset + s.size > bytes.length) throw new ElfError(`section ${s.name} past the end of the file (truncated?)`);
    return bytes.subarray(s.offset, s.offset + s.size);
  };

  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (!symtab) throw new ElfError('no symbol table (.symtab): a stripped module?');
  const names = sections[symtab.link];
  if (!names) throw new ElfError('the symbol table has no string table');
  const strs = data(names);
  const syms = data(symtab);
  const size = symtab.entsize || (is64 ? 24 : 16);
  const exports = new Set<string>();
  const undef = new Set<string>();
  const sv = new DataView(syms.buffer, syms.byteOffset, syms.byteLength);
  // Entry 0 is the null symbol.
  for (let o = size; o + size <= syms.length; o += size) {
    const nameOff = sv.getUint32(o, le);
    const shndx = sv.getUint16(is64 ? o + 6 : o + 14, le);
    if (nameOff === 0) continue;
    const name = cstring(strs, nameOff);
    if (shndx === SHN_UNDEF) undef.add(name);
    else if (name.startsWith(KSYMTAB_PREFIX)) exports.add(name.slice(KSYMTAB_PREFIX.length));
  }
  if (exports.size === 0) {
    const ks = sections.find((s) => s.name === '__ksymtab_strings');
    if (ks) for (const s of decoder.decode(data(ks)).split('\0')) if (s) exports.add(s);
  }
  const modinfo: Record<string, string[]> = {};
  const mi = sections.find((s) => s.name === '.modinfo');
  if (mi) {
    for (const kv of decoder.decode(data(mi)).split('\0')) {
      const eq = kv.indexOf('=');
      if (eq > 0) (modinfo[kv.slice(0, eq)] ??= []).push(kv.slice(eq + 1));
    }
  }
  return { exports: [...exports].sort(), undefined: [...undef].sort(), modinfo };
}
