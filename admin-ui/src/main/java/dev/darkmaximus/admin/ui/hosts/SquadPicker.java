package dev.darkmaximus.admin.ui.hosts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;

import dev.darkmaximus.admin.backend.BackendException;
import dev.darkmaximus.admin.ui.Failures;
import dev.darkmaximus.client.model.SquadResponse;

/**
 * Remnawave squads chosen from the panel's own list, read live. Squads already chosen that the list lacks (the panel
 * couldn't be read, or a squad was deleted there) stay shown by their UUID so nothing is dropped unseen.
 */
public class SquadPicker extends MultiSelectComboBox<SquadResponse> {

    private final List<SquadResponse> known = new ArrayList<>();

    public SquadPicker(String label) {
        super(label);
        setItemLabelGenerator(s -> s.getName() == null || s.getName().equals(s.getUuid()) ? s.getUuid()
                : s.getName() + " (" + s.getMembers() + ")");
        setItems(known);
    }

    /** Reads the panel's squads; on failure shows why and keeps what is chosen. Returns whether it worked. */
    public boolean load(Supplier<List<SquadResponse>> read) {
        List<String> chosen = selected();
        try {
            List<SquadResponse> squads = read.get();
            known.clear();
            known.addAll(squads);
            select(chosen);
            return true;
        } catch (BackendException e) {
            Failures.show(e);
            select(chosen);
            return false;
        }
    }

    /** Chooses these UUIDs, adding any the panel's list doesn't have. */
    public void select(List<String> uuids) {
        Set<SquadResponse> chosen = new LinkedHashSet<>();
        for (String uuid : uuids == null ? List.<String>of() : uuids) {
            SquadResponse squad = known.stream().filter(s -> uuid.equalsIgnoreCase(s.getUuid())).findFirst()
                    .orElseGet(() -> {
                        SquadResponse unknown = new SquadResponse().uuid(uuid).name(uuid).members(0).inbounds(0);
                        known.add(unknown);
                        return unknown;
                    });
            chosen.add(squad);
        }
        setItems(known);
        setValue(chosen);
    }

    public List<String> selected() {
        return getValue().stream().map(SquadResponse::getUuid).toList();
    }
}
