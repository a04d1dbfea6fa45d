import { caseContract } from '../../types/contracts/case'
import { createHandler } from '../_kit/handler'
import { act } from './actions/act'
import { createDraft, saveDraft } from './actions/draft'
import { attachFromLibrary, myMaterials, removeMaterial, uploadMaterial } from './actions/materials'
import { applicationForm, getCase, myCases } from './actions/read'
import { completeSubtask } from './actions/subtask'
import { worklist } from './actions/worklist'

export const main = createHandler(caseContract, {
  applicationForm,
  createDraft,
  saveDraft,
  uploadMaterial,
  attachFromLibrary,
  removeMaterial,
  myMaterials,
  myCases,
  getCase,
  act,
  completeSubtask,
  worklist,
})
