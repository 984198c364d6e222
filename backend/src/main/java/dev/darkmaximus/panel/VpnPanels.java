package dev.darkmaximus.panel;

import java.util.List;

import org.springframework.stereotype.Component;

/** Picks the adapter for a host's panel type; new panel kinds plug in as further {@link VpnPanel} beans. */
@Component
public class VpnPanels {

    private final List<VpnPanel> adapters;

    public VpnPanels(List<VpnPanel> adapters) {
        this.adapters = List.copyOf(adapters);
    }

    public VpnPanel forType(String panelType) {
        return adapters.stream().filter(a -> a.supports(panelType)).findFirst()
                .orElseThrow(() -> new PanelException("no adapter for panel type " + panelType, false));
    }
}
