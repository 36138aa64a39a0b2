/**
 * The DSL console: server-rendered pages (Qute) over the same domain services as the API, so a page shows what the
 * API returns, scoped and audited the same way. Nothing depends on this capability. The contract the pages keep
 * (paths, element ids, form fields) is {@code docs/console.md}.
 */
package uk.dsltriage.console;
