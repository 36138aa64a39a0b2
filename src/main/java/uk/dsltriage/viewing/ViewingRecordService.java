package uk.dsltriage.viewing;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.StoredJson;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.viewing.api.AccidentalViewingRequest;
import uk.dsltriage.viewing.api.ViewingExceptionRequest;
import uk.dsltriage.viewing.api.ViewingRecordView;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.security.AccessScope;

/** Records that an image was viewed, on an incident the caller can reach; refuses a DSL record without safeguards. */
@ApplicationScoped
public class ViewingRecordService implements PanacheRepositoryBase<ViewingRecord, UUID> {

    private final IncidentRepository incidents;
    private final AuditLog audit;
    private final StoredJson json;
    private final Clock clock;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper;

    public ViewingRecordService(IncidentRepository incidents, AuditLog audit, StoredJson json, Clock clock,
            com.fasterxml.jackson.databind.ObjectMapper mapper) {
        this.incidents = incidents;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
        this.mapper = mapper;
    }

    @Transactional
    public ViewingRecordView recordAccidental(AccessScope scope, UUID incidentId, AccidentalViewingRequest request) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        return save(scope, incident, ViewingRecord.Kind.ACCIDENTAL, request.viewedAt(), request);
    }

    /** A refusal is audited where every refusal is (the audit trail's response filter), as VIEWING_REFUSED. */
    public ViewingRecordView recordException(AccessScope scope, UUID incidentId, ViewingExceptionRequest request) {
        var missing = ViewingSafeguards.missing(request);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VIEWING_RECORD_NOT_COMPLIANT,
                    "An image may be viewed only with every UKCIS safeguard in place. The record was not stored; each missing safeguard is listed.",
                    missing);
        }
        return saveException(scope, incidentId, request);
    }

    @Transactional
    ViewingRecordView saveException(AccessScope scope, UUID incidentId, ViewingExceptionRequest request) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        return save(scope, incident, ViewingRecord.Kind.DSL_EXCEPTION, request.viewedAt(), request);
    }

    @Transactional
    public List<ViewingRecordView> list(AccessScope scope, UUID incidentId) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        audit.record(scope, AuditAction.VIEWING_RECORDS_READ, ObjectKind.INCIDENT, incident.id);
        return list("incidentId", Sort.ascending("recordedAt", "id"), incident.id).stream().map(this::view).toList();
    }

    private ViewingRecordView save(AccessScope scope, Incident incident, ViewingRecord.Kind kind, OffsetDateTime viewedAt,
            Object details) {
        ViewingRecord record = new ViewingRecord();
        record.id = UUID.randomUUID();
        record.incidentId = incident.id;
        record.kind = kind;
        record.recordedBy = scope.actor();
        record.recordedAt = Instant.now(clock);
        record.viewedAt = viewedAt.toInstant();
        record.detailsJson = json.write(details);
        persist(record);
        audit.record(scope, AuditAction.VIEWING_RECORDED, ObjectKind.INCIDENT, incident.id);
        return view(record);
    }

    private ViewingRecordView view(ViewingRecord r) {
        try {
            return new ViewingRecordView(r.id, r.incidentId, r.kind, r.recordedBy, r.recordedAt, r.viewedAt,
                    mapper.readTree(r.detailsJson));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored viewing record not readable", e);
        }
    }
}
