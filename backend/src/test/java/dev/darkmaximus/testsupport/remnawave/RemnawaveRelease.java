package dev.darkmaximus.testsupport.remnawave;

import java.util.List;

/**
 * The Remnawave panel versions the fake answers as, with what differs between them, read from remnawave/backend at
 * the tag and from the contract package published for it ({@code @remnawave/backend-contract}):
 * <ul>
 *   <li>2.7.4 (contract 2.7.2): users carry a {@code uuid} and paths name them by it ({@code /api/users/{uuid}},
 *       {@code DeleteUserCommand} {@code :uuid}); a delete answers 200 {@code {"response":{"isDeleted":true}}}
 *       ({@code users.controller.ts} {@code HttpStatus.OK}).</li>
 *   <li>3.3.2 (contract 3.4.2; 3.4.15 on npm has the same user routes): users have only a numeric {@code id}
 *       ({@code models/users.schema.ts}) and paths name them by it ({@code :userId}, {@code numberParamSchema}); a
 *       delete answers 204 ({@code HttpStatus.NO_CONTENT}); squads carry {@code tags}.</li>
 * </ul>
 */
public enum RemnawaveRelease {
    V2_7_4("2.7.4", false),
    V3_3_2("3.3.2", true);

    private final String version;
    private final boolean generation3;

    RemnawaveRelease(String version, boolean generation3) {
        this.version = version;
        this.generation3 = generation3;
    }

    public String version() {
        return version;
    }

    /** Users by numeric id, deletes answer 204. */
    public boolean generation3() {
        return generation3;
    }

    public static List<RemnawaveRelease> all() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return "Remnawave " + version;
    }
}
