/*
 * The awards' service: every operation the resolvers and the HTTP routes call, as in the other
 * modules, each opening with its access check and taking `(request: { db, viewer, today }, …)`.
 * The process has too many steps for one file; they follow it in order: a cycle is opened
 * (cycles.ts), communes nominate (nominations.ts, evidence.ts), nominations are screened
 * (screening.ts), the committee reviews (review.ts), the public comments (posting.ts), the
 * decision is recorded (decisions.ts) and certificates are issued and verified (certificates.ts).
 */
export { committeeCandidatesOf, committeeOf, cyclesOf, openCycle, viewerChairs } from './cycles';
export { addEvidenceNote, addEvidencePhoto, evidenceOf, MAX_PHOTO_BYTES, photoForViewer } from './evidence';
export { createNomination, nominationById, nominationsOf, quotaOf, submitNomination } from './nominations';
export { checkCycleEligibility, SUGGESTION_READERS, suggestedCandidates } from './screening';
export { closeReview, cycleResults, declareConflict, mySheet, openReview, submitReview } from './review';
export { commentOnNomination, commentsOf, hideNominationComment, postedList } from './posting';
export { recordDecision, revokeCertificate } from './decisions';
export { certificateFileForViewer, certificateForViewer, certificateOfNomination, honourRoll, verifyCertificate } from './certificates';
