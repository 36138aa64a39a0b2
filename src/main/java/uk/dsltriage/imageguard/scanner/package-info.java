/**
 * The image-content scanner: pure Java plus jackson-core, no framework types, no logging, no echo of content. What
 * it inspects, its rules and its known limits are documented on {@code uk.dsltriage.imageguard} (package-info).
 *
 * <p>{@code TextInspector} is the orchestrator for one string: {@code Candidates} makes the one pass over every
 * character, then one class per detection technique runs in a fixed order, the first finding winning:
 * {@code ControlCharacterDetector}, {@code RawSignatureDetector}, {@code DataUriDetector},
 * {@code EncodedSegmentDetector} (base64, hex, decimal lists, nested), {@code EscapedBytesDetector},
 * {@code MarkupDetector}, {@code UrlDetector}, {@code OpaqueRunDetector} (these start from the pass's candidates,
 * {@code CandidateDetector}), then {@code DisguisedEncodingDetector} and {@code OpacityStatistics} (these read the
 * whole string, {@code TextDetector}). Each detector has its own corpus test. Settings come from
 * {@code ScannerPolicy}, built from the one {@code GuardConfig} mapping.
 */
package uk.dsltriage.imageguard.scanner;
