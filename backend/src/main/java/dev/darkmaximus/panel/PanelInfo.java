package dev.darkmaximus.panel;

import java.util.List;

/**
 * What a panel told about itself on a connection test.
 *
 * @param version  the panel software's version as it reports it ("2.9.4", "3.6.0"); "3.0" when only the generation
 *                 could be told; null when the panel doesn't say
 * @param api      which API the adapter uses with it, in words for operators ("3x-ui inbound API")
 * @param problems why some configured inbound or squad can't be sold on (missing, unsupported protocol); empty when
 *                 all can
 * @param squads   how many squads the panel has (Remnawave), or null for panels without squads
 */
public record PanelInfo(String version, String api, List<String> problems, Integer squads) {

    public PanelInfo {
        problems = List.copyOf(problems);
    }

    /** A panel without squads (3x-ui). */
    public PanelInfo(String version, String api, List<String> problems) {
        this(version, api, problems, null);
    }
}
