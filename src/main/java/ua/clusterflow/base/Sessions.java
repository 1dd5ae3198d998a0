package ua.clusterflow.base;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions, kept in PostgreSQL by Spring Session so that every node sees the same ones: a person's can
 * be ended wherever they were opened.
 */
@Component
public class Sessions {

    private final FindByIndexNameSessionRepository<? extends Session> repository;

    public Sessions(FindByIndexNameSessionRepository<? extends Session> repository) {
        this.repository = repository;
    }

    /** Ends every session of the account, on every node: its next request asks it to sign in. */
    public int endAllOf(String userId) {
        var found = repository.findByPrincipalName(userId);
        found.keySet().forEach(repository::deleteById);
        return found.size();
    }

    /** How many sessions the account has open. */
    public int countOf(String userId) {
        return repository.findByPrincipalName(userId).size();
    }
}
