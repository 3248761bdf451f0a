// Encoding repair (rule STAR011): finds and repairs text decoded with the wrong code page.
export { findMojibake, findMojibakeInParts, MojibakeScanner, repairMojibake, type MojibakeRun, type CodePage } from './mojibake';
