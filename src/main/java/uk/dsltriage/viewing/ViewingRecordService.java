package uk.dsltriage.viewing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import uk.dsltriage.audit.AuditAction;
import uk.dsltriage.audit.AuditLog;
import uk.dsltriage.audit.ObjectKind;
import uk.dsltriage.common.problem.ProblemException;
import uk.dsltriage.common.problem.ProblemType;
import uk.dsltriage.incident.Incident;
import uk.dsltriage.incident.IncidentRepository;
import uk.dsltriage.security.AccessScope;

/** Records that an image was viewed, on an incident the caller can reach; refuses a DSL record without safeguards. */
@ApplicationScoped
public class ViewingRecordService {

    private final IncidentRepository incidents;
    private final ViewingRecordRepository records;
    private final StoredViewingDetails storage;
    private final AuditLog audit;
    private final Clock clock;

    public ViewingRecordService(IncidentRepository incidents, ViewingRecordRepository records, StoredViewingDetails storage,
            AuditLog audit, Clock clock) {
        this.incidents = incidents;
        this.records = records;
        this.storage = storage;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public RecordedViewing recordAccidental(AccessScope scope, UUID incidentId, AccidentalViewing viewing) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        return save(scope, incident, viewing);
    }

    /** A refusal is audited where every refusal is (the audit trail's response filter), as VIEWING_REFUSED. */
    public RecordedViewing recordException(AccessScope scope, UUID incidentId, ViewingException viewing) {
        var missing = ViewingSafeguards.missing(viewing);
        if (!missing.isEmpty()) {
            throw new ProblemException(ProblemType.VIEWING_RECORD_NOT_COMPLIANT,
                    "An image may be viewed only with every UKCIS safeguard in place. The record was not stored; each missing safeguard is listed.",
                    missing);
        }
        return saveException(scope, incidentId, viewing);
    }

    @Transactional
    RecordedViewing saveException(AccessScope scope, UUID incidentId, ViewingException viewing) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        return save(scope, incident, viewing);
    }

    @Transactional
    public List<RecordedViewing> list(AccessScope scope, UUID incidentId) {
        Incident incident = incidents.findInScope(incidentId, scope).orElseThrow(ProblemException::notFound);
        audit.record(scope, AuditAction.VIEWING_RECORDS_READ, ObjectKind.INCIDENT, incident.id);
        return records.ofIncident(incident.id).stream().map(this::recorded).toList();
    }

    private RecordedViewing save(AccessScope scope, Incident incident, ViewingDetails details) {
        ViewingRecord record = new ViewingRecord();
        record.id = UUID.randomUUID();
        record.incidentId = incident.id;
        record.kind = details.kind();
        record.recordedBy = scope.actor();
        record.recordedAt = Instant.now(clock);
        record.viewedAt = details.viewedAt().toInstant();
        record.detailsJson = storage.write(details);
        records.persist(record);
        audit.record(scope, AuditAction.VIEWING_RECORDED, ObjectKind.INCIDENT, incident.id);
        return recorded(record);
    }

    private RecordedViewing recorded(ViewingRecord r) {
        return new RecordedViewing(r.id, r.incidentId, r.recordedBy, r.recordedAt, r.viewedAt, storage.read(r.id, r.kind, r.detailsJson));
    }
}
