/**
 * Image-content guard: refuses JSON request bodies that carry, or point to, image, video or document content
 * before anything is stored (threshold guidance section 10, examples TC26).
 *
 * <h2>The gate (this package)</h2>
 * {@code JsonOnlyRequestFilter} runs before routing and before authentication on every request: a body must be
 * {@code application/json}, optionally {@code charset=utf-8}, judged from the raw header (never the framework's
 * parser, which threw on {@code /}, {@code x}, {@code application/}, lists...). Anything else, malformed or not,
 * answers <b>415 problem+json for anonymous and authenticated callers alike</b>; another charset answers 415 saying
 * the contract is UTF-8 JSON. {@code Utf8Contract} refuses (415) a body with a byte-order mark or the NUL bytes of
 * UTF-16/UTF-32: such bodies are refused, never decoded. {@code BodySizeGate} answers a declared
 * {@code Content-Length} over {@code dsltriage.guard.max-body-bytes} with a problem+json 413 ahead of Vert.x's bare
 * one; a chunked body is counted as it is read (after authentication, so an anonymous one answers 401).
 * {@code HeaderSizeGate} answers headers over {@code dsltriage.guard.max-header-bytes} (8 KB) with a problem+json 431
 * before the body is read; only headers over the transport's limit ({@code quarkus.http.limits.max-header-size}, 1M)
 * still get Vert.x's bare 431, from its HTTP codec, where Quarkus has no hook. Nothing of a header or body
 * is logged. {@code GuardConfig} ({@code dsltriage.guard.*}) owns every setting: the body limit and the scanner's
 * {@link uk.dsltriage.imageguard.scanner.ScannerPolicy} knobs.
 *
 * <h2>The scanner ({@code imageguard.scanner})</h2>
 * Pure Java plus jackson-core (ArchUnit: {@code ScannerIsPlainJavaTest}); no framework types, no logging, no echo of
 * content.
 *
 * <h2>Contract</h2>
 * {@link uk.dsltriage.imageguard.scanner.ImageContentScanner#scan(byte[])} returns
 * {@link uk.dsltriage.imageguard.scanner.ScanResult.Clean}, {@link uk.dsltriage.imageguard.scanner.ScanResult.Refused}
 * (field path + {@link uk.dsltriage.imageguard.scanner.RefusalReason}, first finding only) or
 * {@link uk.dsltriage.imageguard.scanner.ScanResult.Malformed}. It never throws: an internal error is a refusal with
 * {@code SCANNER_ERROR} at {@code $} (fail closed). Paths look like {@code account}, {@code participants[1].ref},
 * {@code $} (root value), {@code participants[0].<field name>} (a refused field NAME: the path of its object plus a
 * marker). Only plain identifiers ({@code [A-Za-z_$][A-Za-z0-9_$-]*}, up to 64 characters) are ever echoed as path
 * segments; any other key is shown as {@code <field name>}.
 *
 * <h2>What is inspected</h2>
 * Every string value and every field name at any depth, and additionally:
 * <ul>
 *   <li>the short members (up to 32 characters, or up to 512 without whitespace) of each array/object, joined by
 *       newlines, when there are at least two: catches a payload chunked over elements
 *       ({@code ["/9j/","4AAQ",...]}, {@code ["ff","d8",...]}); the path is the container's;</li>
 *   <li>lone short strings of many containers, joined body-wide ({@code [{"p":"/9j/"},{"p":"4AAQ"}]}), path
 *       {@code $};</li>
 *   <li>integer members of each array/object as a byte sequence (values -128..255, whole floats too:
 *       {@code [255,216,255]}, Java signed bytes, {@code JSON.stringify(Uint8Array)} objects);</li>
 *   <li>JSON numbers longer than 40 characters; 128 or more integers in one container; 512 or more numbers in one
 *       body; 1000 or more members in one container (pixel arrays, bit arrays).</li>
 * </ul>
 *
 * <h2>Rules for one string</h2>
 * One linear pass classifies characters and collects candidate positions; the checks below then run only at those
 * positions, each over a bounded prefix (32 bytes for signatures, {@code nestedDecodeBytes} for nesting).
 * <ol>
 *   <li><b>Binary</b>: 4 or more C0/C1 control characters (tab/CR/LF excepted), or 8 or more U+FFFD.</li>
 *   <li><b>Raw signatures as characters</b> (U+0000..U+00FF taken as bytes, e.g. {@code "\u00ff\u00d8\u00ff"}):
 *       at a word start any signature in its long form ({@code GIF89a}, {@code %PDF-}, {@code RIFF....WEBP},
 *       {@code BZh91AY&SY}...); anywhere, signatures that contain a control or non-ASCII byte.</li>
 *   <li><b>data: URIs</b>: {@code data:} followed by {@code ,} / {@code ;} / {@code type/subtype} (any case, any
 *       media type), and a bare {@code ;base64,} marker.</li>
 *   <li><b>Encoded media</b>, at every segment start (after whitespace, punctuation or {@code =}): base64 and
 *       base64url (padded or not; whitespace-wrapped lines are decoded across the whitespace), hex (contiguous,
 *       upper/lower, grouped with {@code space : , ; - . |} separators, {@code 0x} prefixes) and decimal byte
 *       lists ({@code "255, 216, 255"}). The decoded bytes are matched against {@code MediaSignatures}: JPEG, JPEG
 *       2000/XL, PNG/MNG, GIF, WebP/AVI/WAV (RIFF), BMP, TIFF and TIFF-based RAW, ISO-BMFF ({@code ftyp}: HEIC,
 *       HEIF, AVIF, MP4, MOV, 3GP) and QuickTime atoms, WebM/Matroska, MPEG-PS, ASF/WMV, FLV, Ogg, FLAC, MP3/ID3,
 *       ICO/CUR, PSD, OpenEXR, BPG, PDF, PostScript/EPS, RTF, OLE2 (doc/xls/msg), WMF/EMF, ZIP (and docx, apk...),
 *       gzip, compress, 7z, RAR, bzip2, xz, zstd, lz4, CAB, SQLite, ELF, and SVG/XML/HTML. Decoded bytes that are
 *       printable text are inspected again as text, up to 3 layers (base64 in base64, hex of base64, base64 of a
 *       URL or data: URI...).</li>
 *   <li><b>Escaped bytes</b> in a token: {@code %FF}, quoted-printable {@code =FF}, {@code \xFF},
 *       {@code \\u00ff} (double-escaped JSON), {@code &#255;} and {@code &#xFF;}; decoded and treated as above
 *       (including nesting, so URL-encoded base64 is caught).</li>
 *   <li><b>Markup</b>: {@code <svg}, {@code <?xml}, {@code <!doctype}, {@code <html}, {@code <iframe},
 *       {@code <object}, {@code <embed}, {@code <canvas}, {@code <picture}, {@code <script}... always; {@code <img},
 *       {@code <image}, {@code <video}, {@code <source}, {@code <a}, {@code <link}... only with an attribute
 *       ({@code <img src=...>}). Also entity-escaped ({@code &lt;svg}) and full-width forms. {@code <3},
 *       {@code 3 < 5}, {@code <image removed>} and {@code <img>} pass.</li>
 *   <li><b>URLs</b>: see below.</li>
 *   <li><b>Opaque runs</b>, whatever they decode to: (a) a block of 160 alphanumeric characters (over words of 4+
 *       characters, ignoring whitespace and punctuation between them) with class transitions (lower/upper/digit)
 *       on at least 30% of characters and at least 5% digits: random base64, base32 or hex, wrapped or not, even
 *       split into 4-character words (two blocks staggered by half a block, so any such stretch of 240 characters
 *       is caught, often from 160); (b) a contiguous base64-alphabet run of 256+ characters that is not a
 *       short repeated pattern; (c) 100+ consecutive digits; (d) 256+ printable non-space ASCII characters with 24+
 *       distinct symbols (Ascii85, uuencode). UUIDs and plain hex digests of 32/40/56/64/96/128 characters are
 *       exempt from (a), so SHA-256/SHA-512 references pass.</li>
 * </ol>
 *
 * <h2>URL policy (how aggressive)</h2>
 * Refused: any {@code scheme://} (also {@code hxxp[:]//}, {@code :\\}, full-width {@code ：／／}); protocol-relative
 * {@code //host.tld}; {@code www.} + label (also {@code www[.]}); a bare domain <em>with a path</em>
 * ({@code example.com/x}, {@code bit.ly/x}, {@code t.me/x}, {@code instagram.com/jay}; defanged {@code [.]},
 * {@code (.)} and full-width dots count) where the last label is a known gTLD / link-style ccTLD in any case, or
 * any other two-letter label in lower case; an IPv4 address with a path or port. Allowed: platform names, a bare
 * domain without a path ({@code snapchat.com}, {@code iwf.org.uk}), e-mail addresses, and look-alikes such as
 * {@code and/or}, {@code 24/7}, {@code e.g./i.e.}, {@code Mr.Smith/Mrs.Jones}, {@code Ms.Ng/Mr.Li}, {@code 3.5/5},
 * {@code 12.03.2026/13.03.2026}. Record "reported to IWF" and the IWF reference instead of a URL.
 * {@link uk.dsltriage.imageguard.scanner.ScannerPolicy#refuseDomainWithPath()} switches the bare-domain-with-path rule off.
 *
 * <h2>Known limits (accepted)</h2>
 * <ul>
 *   <li>Short encoded runs that decode to no known signature pass (e.g. {@code "aGVsbG8gd29ybGQ="}): below the
 *       opaque thresholds (160-240 letters and digits, about 120-180 bytes) there is no room for a meaningful
 *       image, and refusing every short token would refuse handles, references and ordinary words. A real file of
 *       fewer than about 120 bytes (a 1x1 GIF, a bare WebP or MP4 header) is caught only by its signature.</li>
 *   <li>Signatures are found at token starts only: a disguised file glued to a prefix, or with its first bytes
 *       cut off, is caught by the statistics when long, not when short. Filler gaps longer than 4 characters
 *       between encoded characters end the decode (the statistics still see the letters and digits).</li>
 *   <li>Encodings without a decoder here (base58/85, ROT13, reversed, XOR/encrypted, uuencode, yEnc) are caught
 *       only by the opaque-run rules and the statistics, i.e. only when long (160+ letters and digits).</li>
 *   <li>The statistics judge ASCII letters and digits only: an encoding whose alphabet is mostly punctuation or
 *       non-ASCII (base65536, emoji, Braille) is not seen by them (see the next item).</li>
 *   <li>Possible false positives of the statistics (none in the corpora, which hold 40 long accounts with chat
 *       transcripts and usernames): a block of 160 letters and digits that is mostly usernames, product codes or
 *       serial numbers with mixed case and digits (e.g. a pasted list of 15+ gamer tags with no words between), or
 *       160 digits with almost no letters (a list of phone numbers).</li>
 *   <li>Encodings into non-ASCII text (base65536, base32768, base2048, Braille or emoji encodings) look like CJK or
 *       emoji text and are not detected; telling them from real Chinese, Japanese or Korean needs a language
 *       model. The 64 KB body limit bounds such a payload to about 40 KB per request.</li>
 *   <li>A payload spread over many requests (addenda), over differently shaped containers, or over strings of
 *       more than 32 characters with spaces is not reassembled. Rate limits and the audit trail are the control.</li>
 *   <li>Magic bytes are looked for at segment starts only: a base64 image glued to a prefix ({@code xyz/9j/4AAQ})
 *       is caught by the opaque rules when long, not by its signature when short.</li>
 *   <li>Formats whose signature is not at the start or is absent (DICOM at 128, TGA, raw pixel dumps, the 2-byte
 *       JPEG XL codestream) rely on the opaque rules.</li>
 *   <li>Numbers: up to 127 integers per container, 511 per body, or float mantissas under 40 characters can
 *       carry a few KB; the API schema should bound numeric fields.</li>
 *   <li>URLs written out ({@code example dot com slash x}), split over fields, or a bare domain without a path
 *       are not refused; free text can still describe where content is. Natural-language description of an image
 *       is out of scope (the UI warns not to describe images).</li>
 *   <li>Known false positives (none in the corpora): lower-case {@code ab.cd/x} two-letter "domains"; a 256+
 *       character run without whitespace of mixed symbols; 160+ alphanumeric characters of dense mixed-case
 *       alphanumeric codes with digits; 4+ control characters; a word starting {@code GIF89a}, {@code %PDF-} or
 *       {@code BZh91AY&SY}; a literal {@code data:x/y} or {@code ;base64,}.</li>
 * </ul>
 *
 * <h2>Limits of the parser</h2>
 * Nesting deeper than {@link uk.dsltriage.imageguard.scanner.ScannerPolicy#maxDepth()} (default 64; Jackson's own default
 * is 1000) is {@code Malformed}, as are an empty body, trailing content after the root value, invalid UTF-8,
 * comments, single quotes, NaN and leading zeros. Field names are canonicalised only in a per-scan
 * {@code JsonFactory}, never interned, so no request text outlives the scan in a shared symbol table.
 */
package uk.dsltriage.imageguard;
