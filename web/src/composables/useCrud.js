// The create / edit / deactivate plumbing of an entity page:
//   const table = ref()
//   const crud = useCrud(registry.institutions, { table, key: 'id' })
//   <PagedTable ref="table" …><template #actions="{ row }">
//     <el-button @click="crud.edit(row)">编辑</el-button> <el-button @click="crud.deactivate(row)">停用</el-button>
//   </template></PagedTable>
//   <EntityDialog v-model="crud.open.value" :edit-key="crud.editKey.value" @saved="crud.saved" …/>
import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElMessage, ElMessageBox } from 'element-plus'

export function useCrud(resource, { table, key = 'id', nameOf = (r) => r.name || r.code || r[key] } = {}) {
  const { t } = useI18n()
  const open = ref(false)
  const editKey = ref(null)
  function create() {
    editKey.value = null
    open.value = true
  }
  function edit(row) {
    editKey.value = row[key]
    open.value = true
  }
  async function deactivate(row) {
    try {
      await ElMessageBox.confirm(t('form.deactivateConfirm', { name: nameOf(row) }), t('common.deactivate'), {
        type: 'warning',
        confirmButtonText: t('common.deactivate'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return false
    }
    try {
      await resource.remove(row[key], row.version)
      ElMessage.success(t('form.deactivated'))
      table?.value?.reload()
      return true
    } catch (e) {
      ElMessage.error(e.message)
      return false
    }
  }
  function saved() {
    table?.value?.reload()
  }
  return { open, editKey, create, edit, deactivate, saved }
}
