/**
 * The image-content scanner: pure Java plus jackson-core, no framework types, no logging, no echo of content. What
 * it inspects, its rules and its known limits are documented on {@code uk.dsltriage.imageguard} (package-info).
 * Detection ideas live behind {@code TextDetector}; {@code TextInspector} still holds the original single-pass
 * rules (signatures, data: URIs, encoded segments, escapes, markup, URLs, opaque runs).
 */
package uk.dsltriage.imageguard.scanner;
