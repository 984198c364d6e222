package dev.darkmaximus.admin.backend;

/** A backend call that failed, carrying the parsed problem for the view to show. */
public class BackendException extends RuntimeException {

    private final Problem problem;

    public BackendException(Problem problem) {
        super(problem.code() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The session ended (token expired and couldn't be renewed): the UI goes back to the login view. */
    public boolean sessionEnded() {
        return problem.status() == 401;
    }
}
