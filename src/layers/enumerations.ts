import { roadClass, townKind, townSetting } from './base/schema';
import { caseSource, caseStatus } from './common/lifecycle';
import { coverStatus, defectType, manholeKind } from './manholes/schema';
import { changeType, landType, patchStatus } from './patches/schema';
import { issueCategory, quantityUnit, railwayKind } from './railway/schema';
import { faultCause, lampType, poleStatus } from './streetLamps/schema';

/** Every labelled enumeration of the data, by the name data/README.md uses for it. */
export const ENUMERATIONS = {
  caseStatus,
  caseSource,
  townKind,
  townSetting,
  roadClass,
  lampType,
  poleStatus,
  faultCause,
  manholeKind,
  coverStatus,
  defectType,
  patchStatus,
  landType,
  changeType,
  railwayKind,
  issueCategory,
  quantityUnit,
};
