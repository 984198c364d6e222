package dev.darkmaximus.catalog.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.catalog.HostService;
import dev.darkmaximus.catalog.HostSquads;

/** Hosts carry panel credentials, so only admins (not operators) may see or change them. */
@RestController
@RequestMapping("/api/v1/admin/hosts")
@Tag(name = "admin-hosts")
@PreAuthorize("hasRole('ADMIN')")
class HostAdminController {

    private final HostService hosts;
    private final HostSquads squads;

    HostAdminController(HostService hosts, HostSquads squads) {
        this.hosts = hosts;
        this.squads = squads;
    }

    @GetMapping
    @Operation(operationId = "listHosts", summary = "All hosts, in display order")
    @ApiResponse(responseCode = "200", description = "The hosts.")
    List<HostResponse> list() {
        return hosts.list().stream().map(HostResponse::from).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createHost", summary = "Add a VPN panel",
            description = "The password is stored encrypted (AES-GCM) and never returned.")
    @ApiResponse(responseCode = "201", description = "The new host.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    HostResponse create(@Valid @RequestBody HostRequest request) {
        return HostResponse.from(hosts.create(request.toCommand()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getHost", summary = "One host")
    @ApiResponse(responseCode = "200", description = "The host.")
    HostResponse get(@PathVariable long id) {
        return HostResponse.from(hosts.get(id));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateHost", summary = "Change a host",
            description = "An empty password keeps the stored one.")
    @ApiResponse(responseCode = "200", description = "The changed host.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    HostResponse update(@PathVariable long id, @Valid @RequestBody HostRequest request) {
        return HostResponse.from(hosts.update(id, request.toCommand()));
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "deleteHost", summary = "Remove a host without plans",
            description = "Refused with 409 `host_in_use` while plans exist on it; disable it instead.")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    void delete(@PathVariable long id) {
        hosts.delete(id);
    }

    @PostMapping("/{id}/check")
    @Operation(operationId = "checkHost", summary = "Test the connection to a host's panel",
            description = "Signs in to the panel and lists its inbounds, then stores the outcome as the host's health. "
                    + "A failing panel is an answer (ok = false with the reason), not an error.")
    @ApiResponse(responseCode = "200", description = "The outcome of the check.")
    HostHealthResponse check(@PathVariable long id) {
        return HostHealthResponse.from(hosts.checkConnection(id));
    }

    @GetMapping("/{id}/squads")
    @Operation(operationId = "listHostSquads", summary = "A Remnawave host's squads, read live from its panel",
            description = "409 `no_squads` for a 3x-ui host; 502 `panel_unavailable` when the panel doesn't answer.")
    @ApiResponse(responseCode = "200", description = "The panel's squads.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    List<SquadResponse> squads(@PathVariable long id) {
        return squads.squads(id).stream().map(SquadResponse::from).toList();
    }

    @PostMapping("/squads")
    @Operation(operationId = "previewSquads", summary = "A Remnawave panel's squads, before its host is saved",
            description = "Reads the squads with the given address and token (or a saved host's stored token), for "
                    + "choosing them in a host form. Nothing is stored.")
    @ApiResponse(responseCode = "200", description = "The panel's squads.")
    @ApiResponse(responseCode = "502", ref = "#/components/responses/BadGateway")
    List<SquadResponse> previewSquads(@Valid @RequestBody SquadsRequest request) {
        return squads.squads(request.toQuery()).stream().map(SquadResponse::from).toList();
    }
}
