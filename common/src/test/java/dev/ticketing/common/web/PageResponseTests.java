package dev.ticketing.common.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class PageResponseTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource({ "0, 0", "1, 1", "20, 1", "21, 2", "57, 3" })
	void anExactTotalFillsItsPagesRoundedUp(long totalItems, long totalPages) {
		PageResponse<String> page = PageResponse.of(List.of("a"), PageQuery.first(), totalItems);

		assertThat(page).isEqualTo(new PageResponse<>(List.of("a"), 0, 20, totalItems, totalPages, null));
	}

	@Test
	void anExactlyCountedListSaysNothingOfExactness() {
		PageResponse<String> page = PageResponse.of(List.of("a", "b"), new PageQuery(1, 2), 57);

		assertThat(JSON.writeValueAsString(page))
			.isEqualTo("{\"items\":[\"a\",\"b\"],\"page\":1,\"size\":2,\"totalItems\":57,\"totalPages\":29}");
	}

	@ParameterizedTest
	@CsvSource({ "0, 1000, 0, 0, true", "57, 1000, 57, 3, true", "1000, 1000, 1000, 50, true",
			"1001, 1000, 1000, 50, false", "1021, 1020, 1020, 51, false", "1010, 1020, 1010, 51, true",
			"4, 3, 3, 1, false" })
	void aBoundedCountIsExactUpToItsBoundAndALowerBoundBeyond(long counted, long bound, long totalItems,
			long totalPages, boolean exact) {
		PageResponse<String> page = PageResponse.bounded(List.of(), PageQuery.first(), counted, bound);

		assertThat(page.totalItems()).isEqualTo(totalItems);
		assertThat(page.totalPages()).isEqualTo(totalPages);
		assertThat(page.totalExact()).isEqualTo(exact);
	}

	@Test
	void aBoundedCountSaysWhetherItIsExact() {
		assertThat(JSON.writeValueAsString(PageResponse.bounded(List.of(), new PageQuery(0, 2), 4, 3)))
			.isEqualTo("{\"items\":[],\"page\":0,\"size\":2,\"totalItems\":3,\"totalPages\":2,\"totalExact\":false}");
		assertThat(JSON.writeValueAsString(PageResponse.bounded(List.of(), new PageQuery(0, 2), 3, 3)))
			.isEqualTo("{\"items\":[],\"page\":0,\"size\":2,\"totalItems\":3,\"totalPages\":2,\"totalExact\":true}");
	}

	@Test
	void mappingKeepsTheTotalsAndTheirExactness() {
		PageResponse<Integer> page = PageResponse.bounded(List.of(1, 2), new PageQuery(0, 2), 4, 3);

		assertThat(page.map(String::valueOf)).isEqualTo(new PageResponse<>(List.of("1", "2"), 0, 2, 3, 2, false));
		assertThat(PageResponse.of(List.of(1), PageQuery.first(), 1).map(String::valueOf).totalExact()).isNull();
	}

}
