import BotRuntime
import Foundation

exit(await InspectManifestCommand.main())
