package org.waystation.intake.appeal.web;

import java.util.List;
import java.util.stream.IntStream;

import jakarta.annotation.security.RolesAllowed;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.waystation.intake.appeal.Appeal;
import org.waystation.intake.appeal.AppealPhoto;
import org.waystation.intake.appeal.AppealService;
import org.waystation.intake.appeal.PhotoRef;
import org.waystation.support.problem.ProblemException;
import org.waystation.support.security.Caller;
import org.waystation.support.security.Roles;

/**
 * The photos sent with an appeal: for the worker who sent them, and for staff of a
 * department that holds a case of the appeal (and their supervisors). Anyone else is
 * answered as if the appeal did not exist.
 */
@RestController
class PhotoController {

	private final AppealService appeals;

	PhotoController(AppealService appeals) {
		this.appeals = appeals;
	}

	/** Which photos the appeal has: number (1 to 3), type and size. */
	@GetMapping("/api/v1/appeals/{trackingCode}/photos")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	List<PhotoView> list(Caller caller, @PathVariable String trackingCode) {
		Appeal appeal = visible(caller, trackingCode);
		List<PhotoRef> photos = appeal.getPhotos();
		return IntStream.range(0, photos.size())
			.mapToObj((i) -> new PhotoView(i + 1, photos.get(i).contentType(), photos.get(i).size(),
					"/api/v1/appeals/" + appeal.getTrackingCode() + "/photos/" + (i + 1)))
			.toList();
	}

	/** One photo's bytes, never cached by a shared cache. */
	@GetMapping("/api/v1/appeals/{trackingCode}/photos/{n}")
	@RolesAllowed({ Roles.WORKER, Roles.STAFF, Roles.TRIAGE, Roles.SUPERVISOR })
	ResponseEntity<byte[]> photo(Caller caller, @PathVariable String trackingCode, @PathVariable int n) {
		Appeal appeal = visible(caller, trackingCode);
		AppealPhoto photo = this.appeals.photo(appeal, n)
			.orElseThrow(() -> ProblemException.notFound("photo-not-found",
					"Appeal " + appeal.getTrackingCode() + " has no photo " + n));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(photo.getContentType()))
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Disposition", "inline")
			.body(photo.getData());
	}

	private Appeal visible(Caller caller, String trackingCode) {
		if (caller.isWorker()) {
			return this.appeals.ownedBy(trackingCode, caller.subject());
		}
		return this.appeals.findByTrackingCode(trackingCode)
			.filter((appeal) -> caller.maySeeAny(appeal.getDepartments()))
			.orElseThrow(() -> ProblemException.notVisible("appeal-not-found",
					"No case of appeal " + trackingCode + " is in your department"));
	}

	/**
	 * @param url where its bytes are
	 */
	record PhotoView(int n, String contentType, int size, String url) {

	}

}
