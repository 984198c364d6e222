package dev.darkmaximus.auth.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.auth.StaffAdminService;
import dev.darkmaximus.platform.web.Caller;

/** Staff accounts: only admins manage them. Every change is audited without passwords or TOTP secrets. */
@RestController
@RequestMapping("/api/v1/admin/staff")
@Tag(name = "admin-staff")
@PreAuthorize("hasRole('ADMIN')")
class StaffAdminController {

    private final StaffAdminService staff;

    StaffAdminController(StaffAdminService staff) {
        this.staff = staff;
    }

    @GetMapping
    @Operation(operationId = "listStaff", summary = "All staff accounts, oldest first")
    @ApiResponse(responseCode = "200", description = "The accounts.")
    List<StaffResponse> list() {
        return staff.list().stream().map(StaffResponse::from).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createStaff", summary = "Add an admin or operator",
            description = "Logins are unique regardless of case (409 `username_taken`); a Telegram account can be "
                    + "linked to one staff member only (409 `telegram_id_taken`).")
    @ApiResponse(responseCode = "201", description = "The new account.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    StaffResponse create(@Valid @RequestBody StaffCreateRequest request) {
        return StaffResponse.from(staff.create(request.toNewStaff()));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getStaff", summary = "One staff account")
    @ApiResponse(responseCode = "200", description = "The account.")
    StaffResponse get(@PathVariable long id) {
        return StaffResponse.from(staff.get(id));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateStaff", summary = "Change a role, (de)activate, link Telegram",
            description = "Deactivating ends the account's sessions (its access token lapses within 15 minutes). "
                    + "Refused with 409 `cannot_demote_self` for your own account and `last_admin` for the last "
                    + "active admin.")
    @ApiResponse(responseCode = "200", description = "The changed account.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    StaffResponse update(@AuthenticationPrincipal Jwt jwt, @PathVariable long id,
                         @Valid @RequestBody StaffUpdateRequest request) {
        return StaffResponse.from(staff.update(id, request.toAccess(), Caller.staffId(jwt)));
    }

    @PostMapping("/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "resetStaffPassword", summary = "Set a new password",
            description = "Ends every session of the account, which then signs in with the new password.")
    @ApiResponse(responseCode = "204", description = "Changed.")
    void resetPassword(@PathVariable long id, @Valid @RequestBody PasswordResetRequest request) {
        staff.resetPassword(id, request.password());
    }

    @DeleteMapping("/{id}/totp")
    @Operation(operationId = "resetStaffTotp", summary = "Turn off someone's two-factor sign-in",
            description = "For a lost authenticator: the account signs in with its password alone and may enrol again.")
    @ApiResponse(responseCode = "200", description = "The account, TOTP off.")
    StaffResponse resetTotp(@PathVariable long id) {
        return StaffResponse.from(staff.resetTotp(id));
    }

    @PostMapping("/{id}/unlock")
    @Operation(operationId = "unlockStaff", summary = "Lift a lockout after failed sign-ins")
    @ApiResponse(responseCode = "200", description = "The account, unlocked.")
    StaffResponse unlock(@PathVariable long id) {
        return StaffResponse.from(staff.unlock(id));
    }
}
