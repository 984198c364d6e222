package dev.darkmaximus.platform.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

import dev.darkmaximus.platform.audit.persistence.AuditRecord;
import dev.darkmaximus.platform.audit.persistence.AuditRepository;
import dev.darkmaximus.platform.audit.persistence.AuditRow;
import dev.darkmaximus.platform.error.InvalidInputException;
import dev.darkmaximus.platform.web.RequestIdFilter;

/**
 * Records who changed what. Called by services inside the transaction of the change, so an audit entry exists
 * exactly when the change does. Callers pass views with secrets already left out. Admins read the log back here.
 */
@Service
public class AuditService {

    private final AuditRepository repository;
    private final JsonMapper json;

    public AuditService(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String objectType, Object objectId, Object before, Object after) {
        Actor actor = currentActor();
        repository.insert(new AuditRecord(actor.type(), actor.id(), actor.name(), action, objectType,
                objectId == null ? null : objectId.toString(), toJson(before), toJson(after), clientIp(),
                MDC.get(RequestIdFilter.MDC_KEY)));
    }

    /** For events outside a caller's transaction, such as a refused login. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordStandalone(String action, String objectType, Object objectId, String actorName) {
        repository.insert(new AuditRecord("STAFF", null, actorName, action, objectType,
                objectId == null ? null : objectId.toString(), null, null, clientIp(), MDC.get(RequestIdFilter.MDC_KEY)));
    }

    /** Entries matching {@code filter}, newest first; {@code cursor} is a page's nextCursor (null = first page). */
    @Transactional(readOnly = true)
    public AuditPage search(AuditFilter filter, int limit, String cursor) {
        List<AuditRow> rows = repository.find(filter, cursorId(cursor), limit + 1);
        boolean more = rows.size() > limit;
        List<AuditRow> page = more ? rows.subList(0, limit) : rows;
        return new AuditPage(page.stream().map(this::view).toList(),
                more ? Long.toString(page.getLast().id()) : null);
    }

    private AuditEntryView view(AuditRow row) {
        return new AuditEntryView(row.id(), row.createdAt(), row.actorType(), row.actorId(), row.actorName(),
                row.action(), row.objectType(), row.objectId(), fromJson(row.beforeState()),
                fromJson(row.afterState()), row.ip(), row.requestId());
    }

    private static Long cursorId(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (!cursor.matches("[0-9]{1,18}")) {
            throw InvalidInputException.field("cursor", "format", "must be a nextCursor from this list");
        }
        return Long.parseLong(cursor);
    }

    private Object fromJson(String state) {
        return state == null ? null : json.readValue(state, Object.class);
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static Actor currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Jwt jwt) {
            String subject = jwt.getSubject();
            String type = subject.startsWith("customer:") ? "CUSTOMER" : "STAFF";
            return new Actor(type, subject.substring(subject.indexOf(':') + 1), jwt.getClaimAsString("name"));
        }
        // An integrator's API key: "apikey:<id>", with the key's name as the authentication's details.
        if (auth != null && auth.isAuthenticated() && auth.getName().startsWith("apikey:")) {
            String keyName = auth.getDetails() instanceof String name ? name : auth.getName();
            return new Actor("INTEGRATOR", auth.getName().substring("apikey:".length()), keyName);
        }
        return new Actor("SYSTEM", null, "system");
    }

    private static String clientIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    private record Actor(String type, String id, String name) {
    }
}
