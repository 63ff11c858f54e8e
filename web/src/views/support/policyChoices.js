// The policy presets (GET /api/v1/policies) as choices of 适用政策方案, loaded once.
import { ref } from 'vue'
import { policies } from '@/api/client'

export const policyChoices = ref([])
let loading = null

export function loadPolicyChoices() {
  if (!loading) {
    loading = policies
      .list({ page_size: 200 })
      .then((res) => (policyChoices.value = res.items.map((p) => ({ value: p.id, label: p.year ? `${p.title}(${p.year})` : p.title }))))
      .catch(() => (loading = null))
  }
  return loading
}

// The catalog of policy parameters (GET /api/v1/policy-parameters): key → Chinese label.
export const parameterLabels = ref({})
let loadingLabels = null

export function loadParameterLabels() {
  if (!loadingLabels) {
    loadingLabels = policies
      .parameters({ page_size: 500 })
      .then((res) => (parameterLabels.value = Object.fromEntries(res.items.map((p) => [p.key, p.unit ? `${p.label}(${p.unit})` : p.label]))))
      .catch(() => (loadingLabels = null))
  }
  return loadingLabels
}
