package dev.darkmaximus.customer.persistence;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ReferralLinkRepository extends ListCrudRepository<ReferralLink, Long> {

    Optional<ReferralLink> findByCode(String code);
}
