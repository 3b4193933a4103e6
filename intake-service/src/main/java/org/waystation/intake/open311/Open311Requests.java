package org.waystation.intake.open311;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.waystation.events.Channel;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.AppealStatus;
import org.waystation.intake.appeal.Filing;
import org.waystation.intake.appeal.SubmitAppeal;
import org.waystation.support.privacy.WorkerIds;

/**
 * Service requests as Open311 sees them: appeals filed by one client, which sees those
 * and no others.
 */
@Service
public class Open311Requests {

	/**
	 * The statuses GeoReport calls {@code closed}: nothing more is done unless reopened.
	 */
	public static final Set<AppealStatus> CLOSED = EnumSet.of(AppealStatus.RESOLVED, AppealStatus.RATED,
			AppealStatus.CLOSED, AppealStatus.MERGED);

	/** The province and city an address may start with. */
	private static final Pattern PROVINCE_AND_CITY = Pattern.compile("^(?:\\p{IsHan}{1,8}?省)?(?:\\p{IsHan}{1,8}?市)?");

	/** The district that follows them: "北京市朝阳区望京街道" names 朝阳区. */
	private static final Pattern DISTRICT = Pattern.compile("^(\\p{IsHan}{1,6}?[区县])");

	private final AppealService appeals;

	private final WorkerIds workerIds;

	private final MongoTemplate mongo;

	Open311Requests(AppealService appeals, WorkerIds workerIds, MongoTemplate mongo) {
		this.appeals = appeals;
		this.workerIds = workerIds;
		this.mongo = mongo;
	}

	/** A request as the client sent it, checked and normalised. */
	public record NewRequest(String serviceCode, String description, String phone, String address, Double latitude,
			Double longitude, String idempotencyKey) {

	}

	public AppealService.Submitted file(Open311Client client, NewRequest request, String correlationId) {
		Filing filing = new Filing(filedBy(client), request.serviceCode(), request.address(), request.latitude(),
				request.longitude());
		return this.appeals.submit(new SubmitAppeal(Channel.OPEN311, request.description(), request.phone(),
				this.workerIds.of(request.phone()), districtOf(request.address()), null, request.idempotencyKey(),
				correlationId, List.of(), filing));
	}

	/**
	 * The client's requests by tracking code; codes that are not the client's are left
	 * out as if they did not exist.
	 */
	public List<Appeal> byIds(Open311Client client, List<String> trackingCodes) {
		return this.mongo.find(
				Query.query(Criteria.where("trackingCode").in(trackingCodes).and("filing.filedBy").is(filedBy(client)))
					.with(Sort.by(Sort.Direction.DESC, "submittedAt")),
				Appeal.class);
	}

	public Optional<Appeal> byId(Open311Client client, String trackingCode) {
		return this.appeals.findByTrackingCode(trackingCode)
			.filter((appeal) -> appeal.getFiling() != null && filedBy(client).equals(appeal.getFiling().filedBy()));
	}

	/**
	 * The client's requests filed in {@code [start, end)}, newest first.
	 * @param serviceCodes only these services, or all when empty
	 * @param statuses only these statuses, or all when empty
	 */
	public List<Appeal> search(Open311Client client, Instant start, Instant end, List<String> serviceCodes,
			Set<AppealStatus> statuses, int limit) {
		Criteria criteria = Criteria.where("filing.filedBy").is(filedBy(client)).and("submittedAt").gte(start).lt(end);
		if (!serviceCodes.isEmpty()) {
			criteria = criteria.and("filing.serviceCode").in(serviceCodes);
		}
		if (!statuses.isEmpty()) {
			criteria = criteria.and("status").in(statuses);
		}
		return this.mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "submittedAt")).limit(limit),
				Appeal.class);
	}

	static String filedBy(Open311Client client) {
		return "open311:" + client.clientId();
	}

	static String districtOf(String address) {
		if (address == null) {
			return null;
		}
		Matcher matcher = DISTRICT.matcher(PROVINCE_AND_CITY.matcher(address).replaceFirst(""));
		return matcher.find() ? matcher.group(1) : null;
	}

}
