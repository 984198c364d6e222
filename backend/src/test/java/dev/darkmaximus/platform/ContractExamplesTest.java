package dev.darkmaximus.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.darkmaximus.testsupport.Contract;

/**
 * Every operation of the committed contract has an example of its JSON request body and of each JSON success
 * answer, and every example is valid by the contract's own schemas (OpenApiContractIT keeps the file equal to what
 * the code serves).
 */
class ContractExamplesTest {

    @Test
    void everyOperationHasValidExamples() {
        assertThat(Contract.committed().exampleViolations()).isEmpty();
    }
}
