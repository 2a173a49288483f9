package org.chibo.membership.organisation;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Đơn vị tổ chức đảng: register a unit of the tree, read it. */
@RestController
@RequestMapping("/api/v1/organisations")
@Validated
class OrganisationController {

    private final OrganisationService organisations;

    OrganisationController(OrganisationService organisations) {
        this.organisations = organisations;
    }

    record RegisterRequest(@NotBlank @Size(max = 200) String name, @NotNull OrganisationKind kind,
                           @Size(max = 64) String parentId) {
    }

    record OrganisationView(String id, String parentId, OrganisationKind kind, String name, String path, Instant registeredAt) {
        static OrganisationView of(OrganisationUnit u) {
            return new OrganisationView(u.getId(), u.getParentId(), u.getKind(), u.getName(), u.getPath(), u.getRegisteredAt());
        }
    }

    @PostMapping
    ResponseEntity<OrganisationView> register(@Valid @RequestBody RegisterRequest request) {
        OrganisationUnit unit = organisations.register(request.name(), request.kind(), request.parentId());
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + unit.getId())).body(OrganisationView.of(unit));
    }

    @GetMapping("/{id}")
    OrganisationView get(@PathVariable String id) {
        return OrganisationView.of(organisations.get(id));
    }
}
