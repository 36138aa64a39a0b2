/**
 * The facts of an incident, as vocabulary.md's "Incident facts" names them: a domain value, not a request envelope.
 * It is one value on purpose: the contract gives the wire, the incident (each addendum's revised facts are patched
 * with RFC 7396 on this shape) and the engine's input ({@code TriageInputMapper}) the same names, so services take
 * and return it, and the API embeds it in its requests and views. What is stored of it is a storage record of its
 * own ({@code incident.StoredIncidentFacts}, {@code triage.StoredFacts}). Its constraints are the facts' own invariants. Requests, views and their mapping stay in the
 * capabilities' {@code api} packages.
 */
package uk.dsltriage.triage.facts;
