import { caseContract } from '../../types/contracts/case'
import { cleanupTrigger } from '../_kit/cleanup'
import { createHandler } from '../_kit/handler'
import { act } from './actions/act'
import { createDraft, saveDraft } from './actions/draft'
import { acceptFollowInvite, createFollowInvite, followedCase, followedCases, listFollowers, revokeFollower } from './actions/follow'
import { lookup, resetQueryCode } from './actions/lookup'
import {
  attachFromLibrary,
  attachUploaded,
  deleteMaterial,
  myMaterials,
  removeMaterial,
  uploadMaterial,
  uploadTarget,
} from './actions/materials'
import { applicationForm, getCase, myCases } from './actions/read'
import { completeSubtask } from './actions/subtask'
import { worklist } from './actions/worklist'

export const main = createHandler(
  caseContract,
  {
    applicationForm,
    createDraft,
    saveDraft,
    uploadMaterial,
    uploadTarget,
    attachUploaded,
    attachFromLibrary,
    removeMaterial,
    myMaterials,
    deleteMaterial,
    myCases,
    getCase,
    act,
    completeSubtask,
    worklist,
    createFollowInvite,
    acceptFollowInvite,
    listFollowers,
    revokeFollower,
    followedCases,
    followedCase,
    lookup,
    resetQueryCode,
  },
  { cleanup: cleanupTrigger },
)
