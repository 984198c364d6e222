package dev.darkmaximus.auth.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.darkmaximus.auth.StaffService;
import dev.darkmaximus.auth.TotpService;
import dev.darkmaximus.platform.error.ApiException;
import dev.darkmaximus.platform.web.Caller;

/** The signed-in staff member (admin or operator) and their own two-factor sign-in. */
@RestController
@RequestMapping("/api/v1/admin/me")
@Tag(name = "admin-me")
class AdminMeController {

    private final StaffService staff;
    private final TotpService totp;

    AdminMeController(StaffService staff, TotpService totp) {
        this.staff = staff;
        this.totp = totp;
    }

    @GetMapping
    @Operation(operationId = "getStaffMe", summary = "Who is signed in")
    @ApiResponse(responseCode = "200", description = "The signed-in staff member.")
    StaffMeResponse me(@AuthenticationPrincipal Jwt jwt) {
        return StaffMeResponse.from(staff.me(staffId(jwt)));
    }

    @PostMapping("/totp")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "startTotpEnrolment", summary = "Start two-factor enrolment",
            description = "Returns a new secret (stored encrypted, shown only now) that sign-in doesn't ask for yet: "
                    + "confirm it with a code to turn it on. Starting again replaces an unconfirmed secret; while TOTP "
                    + "is on the answer is 409 `totp_already_enabled`.")
    @ApiResponse(responseCode = "201", description = "The secret to add to the authenticator app.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    TotpEnrolmentResponse startEnrolment(@AuthenticationPrincipal Jwt jwt) {
        return TotpEnrolmentResponse.from(totp.startEnrolment(staffId(jwt)));
    }

    @PostMapping("/totp/confirm")
    @Operation(operationId = "confirmTotpEnrolment", summary = "Turn on two-factor sign-in",
            description = "With a current code from the new secret; a wrong one is a 400 on `code`. From then on "
                    + "sign-in asks for a code.")
    @ApiResponse(responseCode = "200", description = "Two-factor sign-in is on.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    StaffMeResponse confirm(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TotpCodeRequest request) {
        return StaffMeResponse.from(totp.confirm(staffId(jwt), request.code()));
    }

    @DeleteMapping("/totp")
    @Operation(operationId = "disableTotp", summary = "Turn off two-factor sign-in",
            description = "Needs a current code (400 on `code` otherwise); an admin can also reset it for someone who "
                    + "lost their authenticator.")
    @ApiResponse(responseCode = "200", description = "Two-factor sign-in is off.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    StaffMeResponse disable(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody TotpCodeRequest request) {
        return StaffMeResponse.from(totp.disable(staffId(jwt), request.code()));
    }

    private static long staffId(Jwt jwt) {
        Long id = Caller.staffId(jwt);
        if (id == null) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Only staff accounts have this.");
        }
        return id;
    }
}
